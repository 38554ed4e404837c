using Strata.Core.Migrations;

namespace Strata.Lint.Tests.Oracle;

/// <summary>
/// The linter's verdicts checked against what the server really does: each migration runs in a transaction on a
/// table with rows, and the rewrite, scan, lock or error PostgreSQL shows must match whether the rule fires.
/// </summary>
public sealed class ServerOracleTests
{
    private const string Table = """
        CREATE TABLE t (id bigint PRIMARY KEY, a int, v varchar(50), n numeric(10,2), c cidr, s text);
        INSERT INTO t SELECT g, g, 'v' || g, g, '10.0.0.0/8', 's' FROM generate_series(1, 200) g;
        CREATE TYPE mood AS ENUM ('ok');
        ALTER TABLE t ADD COLUMN m mood;
        """;

    public static TheoryData<string, string, bool> Rewrites => new()
    {
        { "ALTER TABLE t ADD COLUMN x int DEFAULT 0", "adding-volatile-default", false },
        { "ALTER TABLE t ADD COLUMN x text NOT NULL DEFAULT 'x'", "adding-volatile-default", false },
        { "ALTER TABLE t ADD COLUMN x timestamptz DEFAULT now()", "adding-volatile-default", false },
        { "ALTER TABLE t ADD COLUMN x date DEFAULT CURRENT_DATE", "adding-volatile-default", false },
        { "ALTER TABLE t ADD COLUMN x uuid DEFAULT gen_random_uuid()", "adding-volatile-default", true },
        { "ALTER TABLE t ADD COLUMN x float8 DEFAULT random()", "adding-volatile-default", true },
        { "ALTER TABLE t ADD COLUMN x timestamptz DEFAULT clock_timestamp()", "adding-volatile-default", true },
        { "ALTER TABLE t ADD COLUMN x bigint", "adding-rewriting-column", false },
        { "ALTER TABLE t ADD COLUMN x bigserial", "adding-rewriting-column", true },
        { "ALTER TABLE t ADD COLUMN x bigint GENERATED ALWAYS AS IDENTITY", "adding-rewriting-column", true },
        { "ALTER TABLE t ADD COLUMN x int GENERATED ALWAYS AS (a * 2) STORED", "adding-rewriting-column", true },
        { "CREATE DOMAIN d AS timestamptz DEFAULT clock_timestamp(); ALTER TABLE t ADD COLUMN x d", "adding-volatile-default", true },
        { "CREATE DOMAIN d AS timestamptz DEFAULT clock_timestamp(); ALTER TABLE t ADD COLUMN x d DEFAULT now()", "adding-volatile-default", false },
        { "CREATE DOMAIN d AS int DEFAULT 5; ALTER TABLE t ADD COLUMN x d", "adding-volatile-default", false },
        { "CREATE DOMAIN d AS int CHECK (VALUE > 0); ALTER TABLE t ADD COLUMN x d", "adding-rewriting-column", true },
        { "CREATE DOMAIN d AS int DEFAULT 1 CHECK (VALUE > 0); ALTER TABLE t ADD COLUMN x d", "adding-rewriting-column", true },
        { "CREATE DOMAIN d AS int NOT NULL DEFAULT 0; ALTER TABLE t ADD COLUMN x d", "adding-rewriting-column", true },
        { "CREATE DOMAIN d AS int CHECK (VALUE > 0); ALTER TABLE t ADD COLUMN x d[]", "adding-rewriting-column", false },
        { "CREATE DOMAIN d AS int; ALTER TABLE t ADD COLUMN x d", "adding-rewriting-column", false },
        { "ALTER TABLE t ALTER COLUMN v TYPE varchar(100)", "changing-column-type", false },
        { "ALTER TABLE t ALTER COLUMN v TYPE text", "changing-column-type", false },
        { "ALTER TABLE t ALTER COLUMN v TYPE varchar(10)", "changing-column-type", true },
        { "ALTER TABLE t ALTER COLUMN s TYPE varchar", "changing-column-type", false },
        { "ALTER TABLE t ALTER COLUMN n TYPE numeric(12,2)", "changing-column-type", false },
        { "ALTER TABLE t ALTER COLUMN n TYPE numeric", "changing-column-type", false },
        { "ALTER TABLE t ALTER COLUMN n TYPE numeric(12,3)", "changing-column-type", true },
        { "ALTER TABLE t ALTER COLUMN c TYPE inet", "changing-column-type", false },
        { "ALTER TABLE t ALTER COLUMN a TYPE bigint", "changing-column-type", true },
        { "ALTER TABLE t ALTER COLUMN a TYPE int USING a + 0", "changing-column-type", true },
        { "ALTER TABLE t ALTER COLUMN v TYPE varchar(100) USING v", "changing-column-type", false },
        { "ALTER TABLE t ALTER COLUMN v TYPE text USING v", "changing-column-type", false },
        { "ALTER TABLE t ALTER COLUMN v TYPE varchar(10) USING v", "changing-column-type", true },
        { "ALTER TABLE t ALTER COLUMN a TYPE bigint USING a", "changing-column-type", true },
    };

    public static TheoryData<string, string, string, bool> ScansUnderLock => new()
    {
        { "", "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0)", "constraint-missing-not-valid", true },
        { "", "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) NOT VALID", "constraint-missing-not-valid", false },
        { "", "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "setting-not-null", true },
        { "ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL);", "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "setting-not-null", false },
        { "ALTER TABLE t ADD CONSTRAINT k CHECK (s IS NOT NULL AND a IS NOT NULL AND a >= 0);", "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "setting-not-null", false },
        { "ALTER TABLE t ADD CONSTRAINT k CHECK (s IS NOT NULL OR a IS NOT NULL);", "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "setting-not-null", true },
        { "ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL);", "ALTER TABLE t DROP CONSTRAINT a_nn; ALTER TABLE t ALTER COLUMN a SET NOT NULL", "setting-not-null", true },
        { "ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT a_nn; ALTER TABLE t DROP CONSTRAINT a_nn;", "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "setting-not-null", true },
        { "ALTER TABLE t ADD CONSTRAINT a_nn CHECK (a IS NOT NULL); ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0); ALTER TABLE t DROP CONSTRAINT k;", "ALTER TABLE t ALTER COLUMN a SET NOT NULL", "setting-not-null", false },
        { "", "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) NOT VALID; ALTER TABLE t VALIDATE CONSTRAINT k", "validate-constraint-in-same-transaction", true },
        { "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) NOT VALID;", "ALTER TABLE t VALIDATE CONSTRAINT k", "validate-constraint-in-same-transaction", false },
        { "", "ALTER TABLE t ADD COLUMN r bigint REFERENCES t (id)", "constraint-missing-not-valid", false },
        { "", "ALTER TABLE t ADD COLUMN r bigint DEFAULT 1 REFERENCES t (id)", "constraint-missing-not-valid", true },
        { "", "ALTER TABLE t ADD COLUMN r bigint DEFAULT NULL REFERENCES t (id)", "constraint-missing-not-valid", true },
        { "CREATE DOMAIN one AS bigint DEFAULT 1;", "ALTER TABLE t ADD COLUMN r one REFERENCES t (id)", "constraint-missing-not-valid", false },
        { "", "ALTER TABLE t ADD COLUMN x int CHECK (x > 0)", "constraint-missing-not-valid", true },
        { "", "ALTER TABLE t ADD COLUMN x int DEFAULT 1 CHECK (x > 0)", "constraint-missing-not-valid", true },
    };

    public static TheoryData<string, string, string?> Failures => new()
    {
        { "ALTER TYPE mood ADD VALUE 'meh'; UPDATE t SET m = 'meh' WHERE id = 1", "enum-value-used-in-same-transaction", "55P04" },
        { "ALTER TYPE mood ADD VALUE 'meh'", "enum-value-used-in-same-transaction", null },
        { "CREATE INDEX CONCURRENTLY t_a_idx ON t (a)", "concurrently-in-transaction", "25001" },
        { "VACUUM t", "concurrently-in-transaction", "25001" },
        { "ALTER SYSTEM SET work_mem = '8MB'", "concurrently-in-transaction", "25001" },
        { "CREATE DATABASE oracle_never_created", "concurrently-in-transaction", "25001" },
        { "ANALYZE t", "concurrently-in-transaction", null },
        { "ALTER TABLE t ADD COLUMN x int NOT NULL", "adding-required-column", "23502" },
        { "ALTER TABLE t ADD COLUMN x int NOT NULL DEFAULT 0", "adding-required-column", null },
        { "ALTER TABLE t ADD COLUMN x text NOT NULL DEFAULT NULL", "adding-required-column", "23502" },
        { "ALTER TABLE t ADD COLUMN x text NOT NULL DEFAULT NULL::text", "adding-required-column", "23502" },
        { "CREATE DOMAIN d AS int DEFAULT 0; ALTER TABLE t ADD COLUMN x d NOT NULL DEFAULT NULL", "adding-required-column", "23502" },
        { "CREATE DOMAIN d AS int NOT NULL; ALTER TABLE t ADD COLUMN x d", "adding-required-column", "23502" },
        { "CREATE DOMAIN d AS int DEFAULT 0; ALTER TABLE t ADD COLUMN x d NOT NULL", "adding-required-column", null },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public async Task A_rewrite_rule_fires_exactly_when_the_server_rewrites_the_table(string migration, string rule, bool rewrites)
    {
        var (observed, major) = await ServerOracle.ObserveAsync(Table, migration);

        observed.SqlState.ShouldBeNull();
        observed.Rewritten.ShouldBe(rewrites, "the server's relfilenode");
        Fires(Table, migration, rule, major).ShouldBe(rewrites, $"{rule} on: {migration}");
    }

    [Theory]
    [MemberData(nameof(ScansUnderLock))]
    public async Task A_scan_rule_fires_exactly_when_the_server_scans_the_table_under_a_lock_that_blocks_writes(string before, string migration, string rule, bool scans)
    {
        var setup = Table + before;
        var (observed, major) = await ServerOracle.ObserveAsync(setup, migration);

        observed.SqlState.ShouldBeNull();
        (observed.SequentialScans > 0 && observed.BlocksWrites).ShouldBe(scans, $"seq_scan {observed.SequentialScans}, locks {string.Join(',', observed.Locks)}");
        Fires(setup, migration, rule, major).ShouldBe(scans, $"{rule} on: {migration}");
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failure_rule_fires_exactly_when_the_server_refuses_the_migration(string migration, string rule, string? sqlState)
    {
        var (observed, major) = await ServerOracle.ObserveAsync(Table, migration);

        observed.SqlState.ShouldBe(sqlState);
        Fires(Table, migration, rule, major).ShouldBe(sqlState is not null, $"{rule} on: {migration}");
    }

    [Fact]
    public async Task An_index_build_blocks_writes_as_require_concurrent_index_creation_says()
    {
        var (observed, major) = await ServerOracle.ObserveAsync(Table, "CREATE INDEX t_a_idx ON t (a)");

        observed.Locks.ShouldContain("ShareLock");
        observed.BlocksWrites.ShouldBeTrue();
        Fires(Table, "CREATE INDEX t_a_idx ON t (a)", "require-concurrent-index-creation", major).ShouldBeTrue();
    }

    // The setup is an earlier migration of the same run (so the linter knows column types and validated checks,
    // but t is not new); the migration under test is the next one, run in a transaction.
    private static bool Fires(string setup, string migration, string rule, int major)
    {
        var earlier = MigrationParser.Parse("1_setup.sql", "-- migrate:up\n" + setup);
        var current = MigrationParser.Parse("2_change.sql", "-- migrate:up\n" + migration + ";\n");
        var result = new MigrationLinter(new LintOptions { PostgresVersion = major }).Lint([earlier, current]);
        return result.Findings.Any(f => f.File == "2_change.sql" && f.Rule == rule);
    }
}
