using Npgsql;
using Strata.Lint.Tests.Support;
using Strata.Testing;

namespace Strata.Lint.Tests.Observation;

/// <summary>Dynamic lint against a real server: a reference database with rows, a scratch database made from its schema.</summary>
public sealed class DynamicLintTests
{
    private const string Users = """
        CREATE TABLE users (id bigint PRIMARY KEY, a int, v varchar(10), s text);
        INSERT INTO users SELECT g, g, 'v', 's' FROM generate_series(1, 20000) g;
        ALTER TABLE users ADD CONSTRAINT a_nn CHECK (a IS NOT NULL);
        CREATE TABLE tags (id bigint PRIMARY KEY, name text);
        INSERT INTO tags SELECT g, 't' FROM generate_series(1, 50) g;
        ANALYZE;
        """;

    [Fact]
    public async Task A_type_change_that_rewrites_a_large_table_is_an_error_sized_from_the_reference()
    {
        var result = await LintAsync(Users, "ALTER TABLE users ALTER COLUMN a TYPE bigint;");

        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("table-rewrite");
        finding.Severity.ShouldBe(LintSeverity.Error);
        finding.Evidence.ShouldBe(LintEvidence.Dynamic);
        finding.Message.ShouldStartWith("ACCESS EXCLUSIVE on public.users (20 k rows, ");
        finding.Message.ShouldContain("rewrite; blocks reads and writes for about");
        finding.Observed!.Rewrite.ShouldBeTrue();
        finding.Observed.Relations.ShouldBe(["public.users"]);
        finding.Observed.EstimatedSeconds.ShouldNotBeNull();
        result.Overridden.ShouldBeEmpty("the server confirmed the static guess");
    }

    [Fact]
    public async Task Set_not_null_after_a_check_validated_in_the_reference_is_cleared_by_what_the_server_did()
    {
        var result = await LintAsync(Users, "ALTER TABLE users ALTER COLUMN a SET NOT NULL;");

        result.Findings.ShouldBeEmpty();
        result.Overridden.ShouldHaveSingleItem().Rule.ShouldBe("setting-not-null");
    }

    // The dropped column is a schema break on the same statement: an error, but not a scan, so it does not confirm
    // the guess that SET NOT NULL scans.
    [Fact]
    public async Task A_lock_guess_the_server_contradicted_is_listed_as_overridden_beside_a_schema_break_on_its_statement()
    {
        var result = await LintAsync(Users, "ALTER TABLE users DROP COLUMN s, ALTER COLUMN a SET NOT NULL;");

        result.Findings.ShouldHaveSingleItem().Rule.ShouldBe("backward-incompatible-change");
        result.Overridden.ShouldHaveSingleItem().Rule.ShouldBe("setting-not-null");
    }

    [Fact]
    public async Task A_rewrite_of_a_tiny_table_is_only_a_warning()
    {
        var result = await LintAsync(Users, "ALTER TABLE tags ALTER COLUMN id TYPE int;");

        var finding = result.Findings.ShouldHaveSingleItem();
        (finding.Rule, finding.Severity).ShouldBe(("table-rewrite", LintSeverity.Warning));
        result.Overridden.ShouldHaveSingleItem().Rule.ShouldBe("changing-column-type");
    }

    [Fact]
    public async Task An_observed_finding_is_suppressed_by_a_comment_with_a_reason()
    {
        var result = await LintAsync(Users, "-- strata:lint-ignore table-rewrite tags is written once a day\nALTER TABLE tags ADD COLUMN r float8 DEFAULT random();");

        result.Findings.ShouldBeEmpty();
        result.Suppressed.ShouldBe(1);
    }

    // The server did what the static rule guessed; the comment accepted it under the observed rule's name.
    [Theory]
    [InlineData("table-rewrite", "ALTER TABLE users ALTER COLUMN a TYPE bigint;")]
    [InlineData("backward-incompatible-change", "ALTER TABLE users RENAME COLUMN s TO t;")]
    public async Task A_suppressed_observed_finding_confirms_the_static_guess_instead_of_overriding_it(string rule, string statement)
    {
        var result = await LintAsync(Users, $"-- strata:lint-ignore {rule} users is migrated in a maintenance window\n{statement}");

        result.Findings.ShouldBeEmpty();
        result.Overridden.ShouldBeEmpty();
        result.Suppressed.ShouldBe(1);
    }

    [Fact]
    public async Task Suppressing_the_static_rule_suppresses_the_observation_of_the_same_hazard()
    {
        var result = await LintAsync(Users, "-- strata:lint-ignore changing-column-type users is migrated in a maintenance window\nALTER TABLE users ALTER COLUMN a TYPE bigint;");

        result.Findings.ShouldBeEmpty();
        result.Suppressed.ShouldBe(2);
    }

    [Fact]
    public async Task Suppressing_a_lock_rule_does_not_hide_that_the_statement_fails()
    {
        var result = await LintAsync(Users, "-- strata:lint-ignore changing-column-type users is rewritten at night\nALTER TABLE users ALTER COLUMN a TYPE no_such_type;");

        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("statement-fails");
        finding.Message.ShouldContain("42704");
    }

    [Fact]
    public async Task Transaction_control_in_a_transactional_migration_does_not_end_the_observed_transaction()
    {
        var result = await LintAsync(Users, "BEGIN;\nALTER TABLE users ALTER COLUMN a TYPE bigint;\nCOMMIT;");

        result.Findings.Select(f => f.Rule).ShouldBe(["transaction-control-in-migration", "table-rewrite", "transaction-control-in-migration"]);
    }

    [Fact]
    public async Task An_index_build_is_a_scan_under_a_share_lock()
    {
        var result = await LintAsync(Users, "CREATE INDEX users_a ON users (a);");

        var finding = result.Findings.ShouldHaveSingleItem();
        (finding.Rule, finding.Observed!.Lock, finding.Observed.Scan).ShouldBe(("scan-under-lock", "SHARE", true));
        finding.Message.ShouldContain("blocks writes");
    }

    [Fact]
    public async Task Validating_in_the_transaction_that_added_the_constraint_scans_under_the_add_s_lock()
    {
        var result = await LintAsync(Users, "ALTER TABLE users ADD CONSTRAINT k CHECK (a > 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT k;");

        var finding = result.Findings.ShouldHaveSingleItem();
        (finding.Rule, finding.Line).ShouldBe(("scan-under-lock", 3));
    }

    [Fact]
    public async Task Without_a_reference_earlier_migrations_build_the_schema_and_size_is_unknown()
    {
        using var directory = new TempDirectory();
        directory.Write("1_create.sql", "-- migrate:up\nCREATE TABLE t (id bigint PRIMARY KEY, a int);\n");
        directory.Write("2_change.sql", "-- migrate:up\nALTER TABLE t ALTER COLUMN a TYPE bigint;\n");
        await using var server = await TestPostgres.CreateDatabaseAsync();

        var result = await new MigrationLinter().LintDynamicAsync([directory.Path], new DynamicLintOptions { ScratchServer = server.Server.ConnectionStringFor("postgres") }, default);

        var finding = result.Findings.ShouldHaveSingleItem();
        (finding.Rule, finding.Severity, finding.File).ShouldBe(("table-rewrite", LintSeverity.Error, Path.Combine(directory.Path, "2_change.sql")));
        finding.Message.ShouldContain("size unknown");
        finding.Observed!.EstimatedSeconds.ShouldBeNull();
    }

    [Fact]
    public async Task A_statement_the_schema_rejects_is_reported_with_its_sqlstate()
    {
        var result = await LintAsync(Users, "ALTER TABLE users ADD CONSTRAINT k CHECK (missing > 0) NOT VALID;");

        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("statement-fails");
        finding.Message.ShouldStartWith("fails with SQLSTATE 42703");
    }

    [Fact]
    public async Task A_concurrent_build_is_observed_waiting_for_older_snapshots_and_blocks_nothing()
    {
        var result = await LintAsync(Users, "CREATE INDEX CONCURRENTLY users_a ON users (a);", transactional: false);

        result.Findings.ShouldBeEmpty();
        var observed = result.Observations.ShouldHaveSingleItem();
        observed.WaitedFor.ShouldBe("virtualxid");
        observed.Locks.ShouldBe([new Strata.Lint.Observation.RelationLock("public.users", "ShareUpdateExclusiveLock")]);
    }

    [Fact]
    public async Task A_failed_concurrent_build_leaves_an_invalid_index_that_is_reported()
    {
        var migration = "INSERT INTO tags VALUES (1000, 'x'), (1001, 'x');\nCREATE UNIQUE INDEX CONCURRENTLY tags_name ON tags (name);";

        var result = await LintAsync(Users, migration, transactional: false);

        result.Findings.Select(f => f.Rule).ShouldBe(["statement-fails", "invalid-index-left"], ignoreOrder: true);
        result.Findings.ShouldContain(f => f.Message == "leaves index public.tags_name INVALID.");
    }

    [Fact]
    public async Task A_statement_longer_than_the_client_command_timeout_runs_to_its_end_as_up_runs_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var builder = new NpgsqlDataSourceBuilder(db.ConnectionString);
        builder.ConnectionStringBuilder.CommandTimeout = 1;
        await using var shortTimeout = builder.Build();
        const string Sql = "SELECT pg_sleep(2);";
        var unit = new Strata.Lint.Engine.LintUnit("1_slow.sql", Sql, Strata.Core.Sql.SqlSplitter.Split(Sql, new()).Statements, Transactional: true);

        var observed = await Strata.Lint.Observation.MigrationObserver.ObserveAsync(shortTimeout, unit, new(null), default);

        observed.ShouldHaveSingleItem().Succeeded.ShouldBeTrue("statement_timeout bounds a statement, as in up; no client-side cut");
    }

    [Fact]
    public async Task The_statement_timeout_applies_as_up_applies_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var directory = new TempDirectory();
        var file = directory.Write("2_slow.sql", "-- migrate:up\nSELECT pg_sleep(5);\n");
        var options = new DynamicLintOptions { ScratchServer = db.Server.ConnectionStringFor("postgres"), StatementTimeout = TimeSpan.FromMilliseconds(200) };

        var result = await new MigrationLinter().LintDynamicAsync([file], options, default);

        result.Findings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            f => f.Rule.ShouldBe("statement-fails"),
            f => f.Message.ShouldContain("statement timeout"));
    }

    [Theory]
    [InlineData("VACUUM FULL tags;")]
    [InlineData("VACUUM (ANALYZE) users;")]
    public async Task A_statement_that_cannot_run_in_a_transaction_block_runs_outside_one_in_a_transaction_false_migration(string statement)
    {
        var result = await LintAsync(Users, statement, transactional: false);

        result.Findings.ShouldNotContain(f => f.Rule == "statement-fails", string.Join("; ", result.Findings.Select(f => f.Message)));
    }

    // REINDEX holds SHARE on the table but ACCESS EXCLUSIVE on its indexes, and planning a query on the table opens
    // every index: reads wait too. A second session's SELECT is the oracle.
    [Fact]
    public async Task Reindex_of_an_existing_table_is_said_to_block_reads_as_the_server_shows()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var setup = db.DataSource.CreateCommand(Users))
        {
            await setup.ExecuteNonQueryAsync();
        }

        await using (var holder = await db.DataSource.OpenConnectionAsync())
        await using (var reader = await db.DataSource.OpenConnectionAsync())
        {
            await using (var reindex = new NpgsqlCommand("BEGIN; REINDEX TABLE users;", holder))
            {
                await reindex.ExecuteNonQueryAsync();
            }

            await using var select = new NpgsqlCommand("SET lock_timeout = '200ms'; SELECT count(*) FROM users WHERE id = 1;", reader);
            (await Should.ThrowAsync<PostgresException>(() => select.ExecuteNonQueryAsync())).SqlState.ShouldBe(PostgresErrorCodes.LockNotAvailable);
        }

        var result = await LintAsync(Users, "REINDEX TABLE users;");

        result.Findings.ShouldContain(
            f => f.Rule == "scan-under-lock" && f.Message.Contains("ACCESS EXCLUSIVE on public.users_pkey, an index of public.users", StringComparison.Ordinal)
                && f.Message.Contains("blocks reads and writes", StringComparison.Ordinal),
            string.Join("; ", result.Findings.Select(f => f.Message)));
    }

    // The scratch server may be shared (a CI server, the local one): a migration's CREATE DATABASE must not make a
    // database there, nor its DROP DATABASE drop one, nor ALTER SYSTEM change the server's configuration.
    [Fact]
    public async Task A_statement_that_acts_on_the_whole_server_is_not_run_on_the_scratch_server()
    {
        var name = "strata_lint_made_" + Guid.NewGuid().ToString("N")[..12];
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var keep = await TestPostgres.CreateDatabaseAsync();

        var result = await LintAsync(Users, $"CREATE DATABASE {name};\nDROP DATABASE {keep.Name};\nALTER SYSTEM SET work_mem = '7MB';", transactional: false);

        result.Findings.ShouldNotContain(f => f.Rule == "statement-fails", string.Join("; ", result.Findings.Select(f => f.Message)));
        await using var command = db.DataSource.CreateCommand(
            $"SELECT (SELECT count(*) FROM pg_database WHERE datname IN ('{name}', '{keep.Name}')) || ' ' || " +
            "(SELECT count(*) FROM pg_file_settings WHERE name = 'work_mem' AND setting = '7MB')");
        (await command.ExecuteScalarAsync()).ShouldBe("1 0");
    }

    [Fact]
    public async Task The_scratch_database_takes_the_search_path_of_the_reference_s_connection_string()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var command = new NpgsqlCommand(
            "CREATE SCHEMA app; CREATE TABLE app.users (id bigint PRIMARY KEY); INSERT INTO app.users SELECT generate_series(1, 20000); ANALYZE;",
            await db.DataSource.OpenConnectionAsync()))
        {
            await command.ExecuteNonQueryAsync();
        }

        using var directory = new TempDirectory();
        var file = directory.Write("2_change.sql", "-- migrate:up\nALTER TABLE users ALTER COLUMN id TYPE int;\n");
        var options = new DynamicLintOptions
        {
            ScratchServer = db.Server.ConnectionStringFor("postgres"),
            Reference = db.ConnectionString + ";Search Path=app",
        };

        var result = await new MigrationLinter().LintDynamicAsync([file], options, default);

        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Rule.ShouldBe("table-rewrite", "the unqualified name is found in app on the scratch database as on the reference");
        finding.Observed!.Relations.ShouldBe(["app.users"]);
    }

    // PostgreSQL skips the rewrite of timestamp to timestamptz only when the session's TimeZone is UTC; up runs with
    // the reference's, whatever the scratch server's own is.
    [Theory]
    [InlineData("Europe/Paris", true)]
    [InlineData("UTC", false)]
    public async Task A_change_to_timestamptz_is_observed_with_the_time_zone_of_the_reference(string timeZone, bool rewrites)
    {
        var reference = $"""
            CREATE TABLE events (id bigint PRIMARY KEY, at timestamp);
            INSERT INTO events SELECT g, now() FROM generate_series(1, 20000) g;
            ANALYZE;
            DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone = %L', current_database(), '{timeZone}'); END $$;
            """;

        var result = await LintAsync(reference, "ALTER TABLE events ALTER COLUMN at TYPE timestamptz;");

        result.Findings.Any(f => f.Rule == "table-rewrite").ShouldBe(rewrites, string.Join("; ", result.Findings.Select(f => f.Message)));
        result.Overridden.Any(f => f.Rule == "changing-column-type").ShouldBe(!rewrites);
    }

    // The concurrent build waits for the snapshot the observer holds; a lock_timeout among the reference's defaults
    // would turn that wait, which up never meets, into a failure.
    [Fact]
    public async Task A_lock_timeout_of_the_reference_does_not_cut_the_wait_the_observer_causes()
    {
        var reference = Users + "\nDO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L', current_database(), '1ms'); END $$;";

        var result = await LintAsync(reference, "CREATE INDEX CONCURRENTLY users_a ON users (a);", transactional: false);

        result.Findings.ShouldBeEmpty(string.Join("; ", result.Findings.Select(f => f.Message)));
        result.Observations.ShouldHaveSingleItem().WaitedFor.ShouldBe("virtualxid");
    }

    private static async Task<LintResult> LintAsync(string reference, string migration, bool transactional = true)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using (var command = new NpgsqlCommand(reference, await db.DataSource.OpenConnectionAsync()))
        {
            await command.ExecuteNonQueryAsync();
        }

        using var directory = new TempDirectory();
        var up = transactional ? "-- migrate:up" : "-- migrate:up transaction:false";
        var file = directory.Write("2_change.sql", $"{up}\n{migration}\n");
        var options = new DynamicLintOptions { ScratchServer = db.Server.ConnectionStringFor("postgres"), Reference = db.ConnectionString };
        return await new MigrationLinter().LintDynamicAsync([file], options, default);
    }
}
