using Strata.Lint.Tests.Oracle;

namespace Strata.Lint.Tests.Rules;

/// <summary>
/// A column added with an inline UNIQUE or PRIMARY KEY builds its index over every row under ACCESS EXCLUSIVE, and a
/// PRIMARY KEY is NOT NULL: without a default the ALTER fails on a table with rows.
/// </summary>
public sealed class AddedColumnKeyTests
{
    private const string Setup = """
        CREATE TABLE t (a int, s text);
        INSERT INTO t SELECT g, 's' || g FROM generate_series(1, 200) g;
        """;

    [Fact]
    public async Task An_inline_unique_on_a_new_column_builds_its_index_under_access_exclusive()
    {
        const string migration = "ALTER TABLE t ADD COLUMN code text UNIQUE";
        var (observed, major) = await ServerOracle.ObserveAsync(Setup, migration);

        observed.SqlState.ShouldBeNull();
        observed.Locks.ShouldContain("AccessExclusiveLock");
        observed.SequentialScans.ShouldBeGreaterThan(0);
        OracleLint.Rules(Setup, migration, major).ShouldBe(["adding-unique-constraint"]);
    }

    [Fact]
    public async Task An_inline_primary_key_without_a_default_fails_on_a_table_with_rows()
    {
        const string migration = "ALTER TABLE t ADD COLUMN id bigint PRIMARY KEY";
        var (observed, major) = await ServerOracle.ObserveAsync(Setup, migration);

        observed.SqlState.ShouldBe("23502");
        OracleLint.Rules(Setup, migration, major).ShouldBe(["adding-required-column", "adding-unique-constraint"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_identity_primary_key_fills_every_row_and_only_builds_its_index()
    {
        const string migration = "ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
        var (observed, major) = await ServerOracle.ObserveAsync(Setup, migration);

        observed.SqlState.ShouldBeNull();
        OracleLint.Rules(Setup, migration, major).ShouldBe(["adding-rewriting-column", "adding-unique-constraint"], ignoreOrder: true);
    }
}
