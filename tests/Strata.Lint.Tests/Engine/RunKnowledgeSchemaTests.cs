using Strata.Lint.Tests.Oracle;

namespace Strata.Lint.Tests.Engine;

/// <summary>
/// A validated check or a column's type that an earlier migration gave a table is known for that table in its own
/// schema only: archive.t is not t, while t and public.t are the same table.
/// </summary>
public sealed class RunKnowledgeSchemaTests
{
    private const string Tables = """
        CREATE TABLE t (id bigint PRIMARY KEY, a int, v int);
        INSERT INTO t SELECT g, g, g FROM generate_series(1, 200) g;
        CREATE SCHEMA archive;
        CREATE TABLE archive.t (id bigint PRIMARY KEY, a int, v text);
        CREATE TABLE p (id bigint, a int, v int) PARTITION BY RANGE (id);

        """;

    // The earlier migration, the migration, the rule, and whether the server scans or rewrites t (the rule's hazard).
    public static TheoryData<string, string, string, bool> Cases => new()
    {
        { "ALTER TABLE archive.t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL);", "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "setting-not-null", true },
        { "ALTER TABLE archive.t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL);", "ALTER TABLE public.t ALTER COLUMN a SET NOT NULL", "setting-not-null", true },
        { "ALTER TABLE public.t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL);", "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "setting-not-null", false },
        { "ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL);", "ALTER TABLE public.t ALTER COLUMN a SET NOT NULL", "setting-not-null", false },
        { "ALTER TABLE archive.t ADD CONSTRAINT in_range CHECK (id >= 1 AND id < 1000);", "ALTER TABLE p ATTACH PARTITION t FOR VALUES FROM (1) TO (1000)", "attaching-partition", true },
        { "ALTER TABLE public.t ADD CONSTRAINT in_range CHECK (id >= 1 AND id < 1000);", "ALTER TABLE p ATTACH PARTITION t FOR VALUES FROM (1) TO (1000)", "attaching-partition", false },
        { "", "ALTER TABLE t ALTER COLUMN v TYPE varchar", "changing-column-type", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task What_an_earlier_migration_did_to_a_table_counts_for_that_table_only(string earlier, string migration, string rule, bool hazard)
    {
        var setup = Tables + earlier;
        var (observed, major) = await ServerOracle.ObserveAsync(setup, migration);

        observed.SqlState.ShouldBeNull();
        (observed.Rewritten || (observed.SequentialScans > 0 && observed.BlocksWrites)).ShouldBe(hazard, $"seq_scan {observed.SequentialScans}, locks {string.Join(',', observed.Locks)}");
        OracleLint.Rules(setup, migration, major).Contains(rule).ShouldBe(hazard, $"{rule} on: {earlier} {migration}");
    }
}
