using System.Text.Json;
using Npgsql;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class MigrationCommandTests
{
    [Fact]
    public async Task Up_down_up_through_the_cli_leaves_the_same_history()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(3);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        var first = await VersionsAsync(db);
        var down = await cli.RunAsync("down", "--steps", "3");
        down.ExitCode.ShouldBe(0, down.ToString());
        (await VersionsAsync(db)).ShouldBeEmpty();
        (await TablesAsync(db)).ShouldNotContain("t0");
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);

        (await VersionsAsync(db)).ShouldBe(first);
        first.ShouldBe(["1000", "1001", "1002"]);
    }

    // Redo re-runs an applied migration; with none applied it has nothing to do, but the database is not up to date.
    [Fact]
    public async Task Redo_with_nothing_applied_says_so_and_never_calls_a_database_with_pending_migrations_up_to_date()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var text = await cli.RunAsync("redo");
        var json = await cli.RunAsync("redo", "--json");

        text.ExitCode.ShouldBe(0, text.ToString());
        text.Stdout.ShouldBe("nothing to redo: no migration is applied\n");
        text.Stderr.ShouldNotContain("Nothing to run up");
        json.ExitCode.ShouldBe(0, json.ToString());
        var events = json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("event").GetString()!.StartsWith("redo.", StringComparison.Ordinal)).ToList();
        events.Select(e => e.GetProperty("event").GetString()).ShouldBe(["redo.down", "redo.up"]);
        events.ShouldAllBe(e => e.GetProperty("message").GetString() == "nothing to redo: no migration is applied");
        (await VersionsAsync(db)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Status_exit_code_flags_pending_migrations_for_scripts()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var pending = await cli.RunAsync("status", "--exit-code");
        pending.ExitCode.ShouldBe(8, pending.ToString());
        pending.Stdout.ShouldContain("2 pending");

        await cli.RunAsync("up", "--steps", "1");
        (await cli.RunAsync("status")).ExitCode.ShouldBe(0, "without --exit-code pending is not an error");
        await cli.RunAsync("up");
        (await cli.RunAsync("status", "--exit-code")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Status_exit_code_flags_an_interrupted_backfill_so_the_gate_runs_up_to_resume_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "t", "-- migrate:up\nCREATE TABLE t (id bigint PRIMARY KEY, v int);\nINSERT INTO t SELECT g FROM generate_series(1, 10) g;\n");
        files.Add(2, "fill", "-- migrate:up transaction:false\n-- strata:batch size=5\nUPDATE t SET v = 1;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        await using (var command = db.DataSource.CreateCommand("UPDATE strata_schema_migrations SET status = 'running', statements_completed = 0 WHERE version = '2'"))
        {
            await command.ExecuteNonQueryAsync();
        }

        var status = await cli.RunAsync("status", "--exit-code");

        status.ExitCode.ShouldBe(8, status.ToString());
        status.Stdout.ShouldContain("current version 1, 0 pending, 1 interrupted");
    }

    [Fact]
    public async Task Failed_migration_exits_1_naming_file_line_column_and_sqlstate_and_records_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "ok", "-- migrate:up\nCREATE TABLE ok (id int);\n");
        var broken = files.Add(2, "broken", "-- migrate:up\nCREATE TABLE half (id int);\n\nINSERT INTO half\n  SELECT id FROM no_such_table;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(1, result.ToString());
        var error = result.Stderr.Trim().Split('\n')[^1];
        error.ShouldStartWith("error: ");
        error.ShouldContain($"{Path.GetFileName(broken)}:5:");
        error.ShouldContain("42P01");
        (await VersionsAsync(db)).ShouldBe(["1"]);
        (await TablesAsync(db)).ShouldNotContain("half", "the failed migration's own statements roll back with it");
    }

    [Fact]
    public async Task Status_says_how_far_an_interrupted_migration_got_in_text_and_json()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "ok", "-- migrate:up\nCREATE TABLE ok (id int);\n");
        files.Add(2, "split", "-- migrate:up transaction:false\nALTER TABLE ok ADD COLUMN note text;\nSELECT * FROM no_such_table;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(1);
        const string progress = "up: 1 of 2 statements done; statement 2 at line 3 not finished; no run holds the migration lock: it stopped";

        var text = await cli.RunAsync("status");
        var json = await cli.RunAsync("status", "--json");

        text.ExitCode.ShouldBe(0, text.ToString());
        text.Stdout.ShouldContain($"\n2 split: {progress}\ncurrent version 1, 0 pending");
        var line = json.Stdout.Split('\n').Single(l => l.Contains("\"event\":\"status\"", StringComparison.Ordinal));
        var migrations = JsonDocument.Parse(line).RootElement.GetProperty("migrations");
        migrations[0].TryGetProperty("progress", out _).ShouldBeFalse();
        migrations[1].GetProperty("state").GetString().ShouldBe("interrupted");
        migrations[1].GetProperty("progress").GetString().ShouldBe(progress);
    }

    [Fact]
    public async Task Malformed_migration_file_exits_5_naming_the_file_and_line()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "bad", "-- migrate:up transaction:maybe\nSELECT 1;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("1_bad.sql");
        result.Stderr.ShouldContain(":1");
        (await TablesAsync(db)).ShouldNotContain("strata_schema_migrations", "nothing runs when a file is malformed");
    }

    [Fact]
    public async Task Up_json_emits_one_object_per_line_with_stable_fields()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty("JSON mode writes every event to stdout");
        var events = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var field in new[] { "time", "level", "event", "message" })
        {
            events.Count(e => !e.TryGetProperty(field, out var unused)).ShouldBe(0, $"every event has '{field}'");
        }
        var completed = events.Single(e => e.GetProperty("event").GetString() == "up.completed");
        completed.GetProperty("count").GetInt32().ShouldBe(2);
        var step = completed.GetProperty("migrations")[0];
        step.GetProperty("version").GetString().ShouldBe("1000");
        step.GetProperty("transactional").GetBoolean().ShouldBeTrue();
        step.GetProperty("attempts").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Dry_run_and_sql_execute_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var dryRun = await cli.RunAsync("up", "--dry-run");
        var sql = await cli.RunAsync("up", "--sql");

        dryRun.ExitCode.ShouldBe(0, dryRun.ToString());
        dryRun.Stdout.ShouldContain("would apply 2 migrations");
        sql.ExitCode.ShouldBe(0, sql.ToString());
        sql.Stdout.ShouldContain("CREATE TABLE t1");
        sql.Stdout.ShouldContain("INSERT INTO \"public\".\"strata_schema_migrations\"");
        (await TablesAsync(db)).ShouldNotContain("t0");
    }

    [Fact]
    public async Task Stamp_records_without_running_and_validate_reports_drift_with_exit_5()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        (await cli.RunAsync("stamp", "1000")).ExitCode.ShouldBe(0);
        (await TablesAsync(db)).ShouldNotContain("t0");
        (await VersionsAsync(db)).ShouldBe(["1000"]);

        await cli.RunAsync("up");
        File.AppendAllText(Path.Combine(files.Path, "1001_create_t1.sql"), "-- edited\n");
        var validate = await cli.RunAsync("validate");

        validate.ExitCode.ShouldBe(5, validate.ToString());
        validate.Stdout.ShouldContain("1001");
        validate.Stdout.ShouldContain("next: strata up --allow-edited");
        var refused = await cli.RunAsync("up");
        refused.ExitCode.ShouldBe(5, "up refuses an edited applied migration");
        refused.Stderr.ShouldContain("allow edited migrations to accept the new checksum.\nnext: strata up --allow-edited", customMessage: refused.ToString());
        var refusedJson = await cli.RunAsync("down", "--json");
        refusedJson.ExitCode.ShouldBe(5, refusedJson.ToString());
        refusedJson.Stdout.ShouldContain("\"nextSteps\":[\"strata down --json --allow-edited\"]");
        (await cli.RunAsync("up", "--allow-edited")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Each_next_step_validate_names_ends_the_problem_it_names_rather_than_repeating_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        files.Add(1002, "later", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        File.AppendAllText(Path.Combine(files.Path, "1000_create_t0.sql"), "-- edited\n");
        files.Add(1001, "merged_late", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 1;\n");

        var validate = await cli.RunAsync("validate");

        validate.ExitCode.ShouldBe(5, validate.ToString());
        validate.Stdout.ShouldContain("migration 1001_merged_late is pending but older than the newest applied migration");
        validate.Stderr.ShouldContain("next: strata up --allow-edited\nnext: strata validate --allow-out-of-order", customMessage: validate.ToString());
        var allowed = await cli.RunAsync("validate", "--allow-out-of-order");
        allowed.Stdout.ShouldNotContain("1001_merged_late", customMessage: allowed.ToString());
        allowed.Stdout.ShouldContain("1 problem found");
        (await cli.RunAsync("validate", "--allow-edited")).ExitCode.ShouldBe(2, "validate reports an edited file whatever up may accept, so it takes no flag that would seem to");
        (await cli.RunAsync("up", "--allow-edited", "--allow-out-of-order")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("validate")).ExitCode.ShouldBe(0);
    }

    // A problem's next step acts on the database validate was pointed at, not on the one DATABASE_URL names.
    [Fact]
    public async Task Validate_next_steps_carry_the_database_flag_it_was_given()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", "postgres://nobody@127.0.0.1:1/elsewhere");
        (await cli.RunAsync("up", "--database-url", db.Url)).ExitCode.ShouldBe(0);
        File.AppendAllText(Path.Combine(files.Path, "1000_create_t0.sql"), "-- edited\n");

        var text = await cli.RunAsync("validate", "--database-url", db.Url);
        var json = await cli.RunAsync("validate", "--json", "-u", db.Url);

        text.ExitCode.ShouldBe(5, text.ToString());
        text.Stdout.ShouldContain($"next: strata up --allow-edited --database-url {db.Url}\n", customMessage: text.ToString());
        json.Stdout.ShouldContain($"\"nextStep\":\"strata up --allow-edited -u {db.Url}\"", customMessage: json.ToString());
    }

    internal static async Task<List<string>> VersionsAsync(TestDatabase db)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('public.strata_schema_migrations') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("SELECT version FROM public.strata_schema_migrations ORDER BY length(version), version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<string>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }

    internal static async Task<List<string>> TablesAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
