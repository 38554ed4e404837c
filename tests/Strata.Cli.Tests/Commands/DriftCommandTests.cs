using Strata.Cli.Tests.Commands.Db;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class DriftCommandTests
{
    [Fact]
    public async Task A_database_that_only_saw_strata_up_has_no_drift_even_with_pending_files()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        files.Add(4, "pending", "-- migrate:up\nCREATE TABLE pending (id integer);\n\n-- migrate:down\nDROP TABLE pending;\n");

        var result = await DriftAsync(files, target, scratch);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("no drift: the schema is what its 3 applied migration(s) produce");
    }

    [Fact]
    public async Task The_backfill_progress_table_beside_the_history_is_not_drift()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        files.Add(4, "backfill_name", "-- migrate:up transaction:false\n-- strata:batch size=10\nUPDATE t SET name = 'n' || id WHERE name IS NULL;\n");
        (await Cli(files).RunAsync("up", "--database-url", target.Url)).ExitCode.ShouldBe(0);
        (await DbCli.ScalarAsync<bool>(target, "SELECT to_regclass('public.strata_schema_migrations_backfill') IS NOT NULL")).ShouldBeTrue();

        var result = await DriftAsync(files, target, scratch);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("no drift: the schema is what its 4 applied migration(s) produce");
    }

    [Fact]
    public async Task A_column_added_by_hand_is_reported()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, "ALTER TABLE t ADD COLUMN hotfix boolean");

        var result = await DriftAsync(files, target, scratch);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("added column public.t.hotfix");
        result.Stdout.ShouldContain("1 object differs");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task An_empty_ignore_pattern_is_a_usage_error(string pattern)
    {
        await using var target = await MigratedAsync();
        using var files = Migrations();

        var result = await DriftAsync(files, target, target, "--ignore", pattern);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().ShouldBe("error: --ignore is given but empty: give a pattern, such as 'extension *' or 'public.legacy_*', or leave it out");
    }

    [Fact]
    public async Task An_index_dropped_by_hand_is_reported_in_json()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, "DROP INDEX t_name_idx");

        var result = await DriftAsync(files, target, scratch, "--json");

        result.ExitCode.ShouldBe(5, result.ToString());
        var difference = DbCli.Event(result, "drift").GetProperty("differences").EnumerateArray().ShouldHaveSingleItem();
        difference.GetProperty("kind").GetString().ShouldBe("index");
        difference.GetProperty("name").GetString().ShouldBe("public.t_name_idx");
        difference.GetProperty("change").GetString().ShouldBe("removed");
        var error = DbCli.Event(result, "error");
        (error.GetProperty("code").GetString(), error.GetProperty("exitCode").GetInt32()).ShouldBe(("validation-failed", 5));
        result.Stdout.TrimEnd().Split('\n')[^1].ShouldContain("\"event\":\"error\"", customMessage: "the error is the last event");
    }

    [Fact]
    public async Task Drift_under_github_format_ends_with_an_error_annotation()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, "DROP INDEX t_name_idx");

        var result = await DriftAsync(files, target, scratch, "--format", "github");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("::error title=strata%3A validation-failed::drift: 1 object differs from the schema its 3 applied migration(s) produce");
    }

    [Fact]
    public async Task A_function_body_changed_by_hand_is_reported()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, "CREATE OR REPLACE FUNCTION answer() RETURNS integer LANGUAGE sql AS 'SELECT 43'");

        var result = await DriftAsync(files, target, scratch);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("changed function public.answer(): body SELECT 42 → SELECT 43");
    }

    [Fact]
    public async Task Ignored_objects_are_left_out()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, "CREATE EXTENSION citext; CREATE TABLE legacy_audit (id integer)");

        var result = await DriftAsync(files, target, scratch, "--ignore", "extension *", "--ignore", "public.legacy_*");

        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public async Task Ignore_patterns_from_strata_json_are_merged_with_the_flag()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await File.WriteAllTextAsync(Path.Combine(files.Root, "strata.json"), """{ "drift": { "ignore": ["extension *"] } }""");
        await DbCli.ExecuteAsync(target, "CREATE EXTENSION citext; CREATE TABLE legacy_audit (id integer)");

        var fileOnly = await DriftAsync(files, target, scratch);
        var merged = await DriftAsync(files, target, scratch, "--ignore", "public.legacy_*");

        fileOnly.ExitCode.ShouldBe(5, fileOnly.ToString());
        fileOnly.Stdout.ShouldContain("added table public.legacy_audit");
        fileOnly.Stdout.ShouldNotContain("citext");
        merged.ExitCode.ShouldBe(0, merged.ToString());
    }

    [Fact]
    public async Task Drift_works_on_a_database_that_refuses_every_write()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        await DbCli.ExecuteAsync(target, $"DROP INDEX t_name_idx; ALTER DATABASE \"{target.Name}\" SET default_transaction_read_only = on");
        target.DataSource.Clear();

        var result = await DriftAsync(files, target, scratch);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("removed index public.t_name_idx");
    }

    [Fact]
    public async Task A_migration_that_fails_on_the_scratch_database_is_said_to_fail_there_with_no_step_for_the_target()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        var file = files.Add(2, "index_name", "-- migrate:up transaction:false\nCREATE INDEX t_name_idx ON t (name);\nCREATE INDEX other_idx ON missing (id);\n");

        var result = await DriftAsync(files, target, scratch);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldNotContain("next:");
        result.Stderr.ShouldContain(
            $"\nerror: migration 2 failed on a scratch database at {file}:3:1: 42P01 relation \"missing\" does not exist; the scratch database was dropped, and no other database was changed\n");
        result.Stdout.ShouldNotContain("before the failure");
        (await DbCli.ScalarAsync<string>(target, "SELECT string_agg(status, ',') FROM strata_schema_migrations")).ShouldBe("applied,applied,applied");
    }

    [Fact]
    public async Task A_comment_by_hand_on_the_schema_that_holds_the_history_table_and_the_application_is_reported()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "app", "-- migrate:up\nCREATE SCHEMA IF NOT EXISTS app;\nCREATE TABLE app.t (a integer);\n\n-- migrate:down\nDROP TABLE app.t;\n");
        (await Cli(files).RunAsync("up", "--database-url", target.Url, "--history-table", "app.migs")).ExitCode.ShouldBe(0);
        (await DriftAsync(files, target, scratch, "--history-table", "app.migs")).ExitCode.ShouldBe(0);
        await DbCli.ExecuteAsync(target, "COMMENT ON SCHEMA app IS 'hand-made comment'");

        var result = await DriftAsync(files, target, scratch, "--history-table", "app.migs");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("changed schema app: comment (none) → hand-made comment");
    }

    [Fact]
    public async Task The_schema_strata_made_for_the_history_table_alone_is_not_drift()
    {
        await using var target = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        (await Cli(files).RunAsync("up", "--database-url", target.Url, "--history-table", "strata.migs")).ExitCode.ShouldBe(0);

        var result = await DriftAsync(files, target, scratch, "--history-table", "strata.migs");

        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public async Task An_interrupted_migration_is_named_and_its_objects_are_not_reported_as_made_by_hand()
    {
        await using var target = await MigratedAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        files.Add(4, "t5", "-- migrate:up transaction:false\nCREATE TABLE t5 (id int);\n\nSELECT * FROM no_such_table;\n");
        (await Cli(files).RunAsync("up", "--database-url", target.Url)).ExitCode.ShouldBe(1);

        var result = await DriftAsync(files, target, scratch);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldNotContain("public.t5");
        result.Stderr.ShouldContain(
            "error: drift cannot be checked while migration 4_t5 is interrupted (up: 1 of 2 statements done; statement 2 at line 4 not finished; " +
            "no run holds the migration lock: it stopped): the objects its completed statements made would read as changes made by hand");
        result.Stderr.ShouldContain("next: strata repair --version 4");
    }

    /// <summary>A database that saw `strata up` of <see cref="Migrations"/> and nothing else.</summary>
    private static async Task<TestDatabase> MigratedAsync()
    {
        var target = await TestPostgres.CreateDatabaseAsync();
        using var files = Migrations();
        (await Cli(files).RunAsync("up", "--database-url", target.Url)).ExitCode.ShouldBe(0);
        return target;
    }

    private static MigrationFiles Migrations()
    {
        var files = new MigrationFiles();
        files.Add(1, "create_t", "-- migrate:up\nCREATE TABLE t (id integer PRIMARY KEY, name text);\n\n-- migrate:down\nDROP TABLE t;\n");
        files.Add(2, "index_name", "-- migrate:up\nCREATE INDEX t_name_idx ON t (name);\n\n-- migrate:down\nDROP INDEX t_name_idx;\n");
        files.Add(3, "answer", "-- migrate:up\nCREATE FUNCTION answer() RETURNS integer LANGUAGE sql AS 'SELECT 42';\n\n-- migrate:down\nDROP FUNCTION answer();\n");
        return files;
    }

    private static CliHarness Cli(MigrationFiles files) => new(files.Root);

    private static Task<CliResult> DriftAsync(MigrationFiles files, TestDatabase target, TestDatabase scratch, params string[] extra) =>
        Cli(files).RunAsync(["drift", "--database-url", target.Url, "--scratch-url", scratch.Url, .. extra]);
}
