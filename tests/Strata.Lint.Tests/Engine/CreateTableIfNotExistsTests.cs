using Strata.Lint.Tests.Oracle;

namespace Strata.Lint.Tests.Engine;

/// <summary>
/// <c>CREATE TABLE IF NOT EXISTS</c> on a table that is already there does nothing: what follows it works on the
/// existing table, rows and all, and is as much a hazard as without the CREATE.
/// </summary>
public sealed class CreateTableIfNotExistsTests
{
    private const string Setup = """
        CREATE TABLE t (id bigint PRIMARY KEY, s text);
        INSERT INTO t SELECT g, 's' || g FROM generate_series(1, 200) g;
        """;

    private const string Migration = """
        CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY, s text);
        CREATE INDEX t_s_idx ON t (s);
        ALTER TABLE t ALTER COLUMN s SET NOT NULL
        """;

    [Fact]
    public async Task A_table_created_if_not_exists_is_not_known_to_be_new()
    {
        var (observed, major) = await ServerOracle.ObserveAsync(Setup, Migration);

        observed.SqlState.ShouldBeNull();
        observed.Locks.ShouldContain("ShareLock");
        observed.SequentialScans.ShouldBeGreaterThan(0);
        observed.BlocksWrites.ShouldBeTrue();
        OracleLint.Rules(Setup, Migration, major).ShouldBe(["require-concurrent-index-creation", "setting-not-null"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("CREATE TABLE IF NOT EXISTS t AS SELECT 1 AS id, 's' AS s")]
    [InlineData("CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY, s varchar(10))")]
    public void What_follows_an_if_not_exists_create_is_judged_as_on_an_existing_table(string create)
    {
        OracleLint.Rules(Setup, $"{create};\nALTER TABLE t ALTER COLUMN s TYPE varchar(20)", LintOptions.DefaultPostgresVersion)
            .ShouldContain("changing-column-type");
    }
}
