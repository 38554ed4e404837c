using Strata.Cli.Tests.Commands.Db;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class VerifyCommandTests
{
    private const string CreateTable =
        "-- migrate:up\nCREATE TABLE t (id integer PRIMARY KEY, name text, status text DEFAULT 'new');\n\n-- migrate:down\nDROP TABLE t;\n";

    [Fact]
    public async Task Migrations_whose_downs_undo_their_ups_pass()
    {
        using var files = new MigrationFiles().AddTables(3);
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await VerifyAsync(files, scratch);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("verified 3 migration(s)");
    }

    [Fact]
    public async Task A_schema_file_that_is_a_directory_is_a_configuration_error_not_a_check_left_out()
    {
        using var files = new MigrationFiles().AddTables(1);
        var directory = Path.Combine(files.Root, "db", "schema.sql");
        Directory.CreateDirectory(directory);
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await VerifyAsync(files, scratch, "--file", "db/schema.sql");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"error: schema file {directory} is a directory, not a file; name the schema file itself\n");
    }

    [Fact]
    public async Task A_named_schema_file_that_does_not_exist_is_a_configuration_error_not_a_check_left_out()
    {
        using var files = new MigrationFiles().AddTables(1);
        var missing = Path.Combine(files.Root, "nosuch.sql");
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await VerifyAsync(files, scratch, "--file", "nosuch.sql");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"error: schema file {missing} given by --file does not exist; name a schema file that exists\n");
        result.Stdout.ShouldNotContain("verified");
        File.Exists(missing).ShouldBeFalse();
    }

    [Fact]
    public async Task A_down_that_leaves_an_index_behind_fails_naming_the_index()
    {
        using var files = IndexLeftBehind();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await VerifyAsync(files, scratch);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("migration 2_index_name: down does not restore the schema before its up");
        result.Stdout.ShouldContain("added index public.t_name_idx");
    }

    [Fact]
    public async Task A_failed_verify_ends_with_one_error_event_and_an_error_annotation()
    {
        using var files = IndexLeftBehind();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var json = await VerifyAsync(files, scratch, "--json");
        var github = await VerifyAsync(files, scratch, "--format", "github");

        json.ExitCode.ShouldBe(5, json.ToString());
        var error = DbCli.Event(json, "error");
        (error.GetProperty("code").GetString(), error.GetProperty("exitCode").GetInt32()).ShouldBe(("validation-failed", 5));
        error.GetProperty("message").GetString().ShouldStartWith("migration 2_index_name: down does not restore the schema before its up");
        json.Stdout.TrimEnd().Split('\n')[^1].ShouldContain("\"event\":\"error\"", customMessage: "the error is the last event");
        github.ExitCode.ShouldBe(5, github.ToString());
        github.Stdout.ShouldContain("::error title=strata%3A validation-failed::migration 2_index_name: down does not restore the schema before its up");
    }

    [Fact]
    public async Task A_down_that_restores_a_column_with_another_default_fails_naming_the_default()
    {
        using var files = new MigrationFiles();
        files.Add(1, "create_t", CreateTable);
        files.Add(2, "drop_status", "-- migrate:up\nALTER TABLE t DROP COLUMN status;\n\n-- migrate:down\nALTER TABLE t ADD COLUMN status text DEFAULT 'old';\n");
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await VerifyAsync(files, scratch, "--json");

        result.ExitCode.ShouldBe(5, result.ToString());
        var failure = DbCli.Event(result, "verify").GetProperty("failure");
        failure.GetProperty("step").GetString().ShouldBe("down");
        failure.GetProperty("subject").GetString().ShouldBe("2_drop_status");
        var difference = failure.GetProperty("differences").EnumerateArray().ShouldHaveSingleItem();
        difference.GetProperty("name").GetString().ShouldBe("public.t.status");
        var attribute = difference.GetProperty("attributes").EnumerateArray().ShouldHaveSingleItem();
        attribute.GetProperty("name").GetString().ShouldBe("default");
        attribute.GetProperty("before").GetString().ShouldBe("'new'::text");
        attribute.GetProperty("after").GetString().ShouldBe("'old'::text");
    }

    [Fact]
    public async Task An_up_that_cannot_run_again_after_its_down_fails()
    {
        using var files = new MigrationFiles();
        files.Add(1, "create_settings", "-- migrate:up\nCREATE TABLE settings (k text PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE settings;\n");
        files.Add(2, "add_flag", "-- migrate:up\nINSERT INTO settings VALUES ('flag');\nCREATE TABLE flags (id integer);\n\n-- migrate:down\nDROP TABLE flags;\n");
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await VerifyAsync(files, scratch);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("migration 2_add_flag cannot be re-applied after its down");
        result.Stdout.ShouldContain("duplicate key");
    }

    [Fact]
    public async Task A_schema_file_that_differs_from_the_migrations_fails()
    {
        using var files = new MigrationFiles().AddTables(1);
        File.WriteAllText(Path.Combine(files.Root, "schema.sql"), "CREATE TABLE t0 (id integer PRIMARY KEY, name varchar(10));\n");
        await using var scratch = await TestPostgres.CreateDatabaseAsync();

        var result = await VerifyAsync(files, scratch, "--file", Path.Combine(files.Root, "schema.sql"));

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("the migrated schema differs from the schema file");
        result.Stdout.ShouldContain("changed column public.t0.name: type character varying(10) → text");
    }

    [Fact]
    public async Task The_reference_application_passes_with_its_seeds_and_notes_the_column_its_rename_puts_back_last()
    {
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness();

        var result = await cli.RunAsync(
            "verify", "--scratch-url", scratch.Url,
            "--migrations-dir", Repository.PathTo("examples", "Cruddur", "db", "migrations"),
            "--seeds-dir", Repository.PathTo("examples", "Cruddur", "db", "seeds"));

        // The contract step of the activities.message -> content rename drops message; its down adds it back, and
        // PostgreSQL can only append a column, so message comes back last. That alone is noted, not failed.
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("verified 6 migration(s)");
        result.Stdout.ShouldContain("seed file(s) ran");
        var notes = result.Stdout.Split('\n').Where(line => line.StartsWith("  note: ", StringComparison.Ordinal)).ToList();
        notes.ShouldNotBeEmpty();
        notes.ShouldAllBe(line => line.StartsWith("  note: 20240110000300_drop_activity_message: public.activities.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_down_that_moves_a_column_and_changes_it_still_fails()
    {
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1000, "t", "-- migrate:up\nCREATE TABLE t (a int, b int DEFAULT 1, c int);\n-- migrate:down\nDROP TABLE t;\n");
        files.Add(2000, "drop_b", "-- migrate:up\nALTER TABLE t DROP COLUMN b;\n-- migrate:down\nALTER TABLE t ADD COLUMN b int;\n");

        var result = await VerifyAsync(files, scratch);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("migration 2000_drop_b: down does not restore the schema before its up");
        result.Stdout.ShouldContain("changed column public.t.b:");
        result.Stdout.ShouldContain("default 1 → (none)");
    }

    [Fact]
    public async Task Only_the_column_a_down_put_back_is_noted_not_the_columns_after_its_old_place()
    {
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "t", "-- migrate:up\nCREATE TABLE t (a int, b int CHECK (b > 0), c int);\n-- migrate:down\nDROP TABLE t;\n");
        files.Add(2, "drop_b", "-- migrate:up\nALTER TABLE t DROP COLUMN b;\n-- migrate:down\nALTER TABLE t ADD COLUMN b int CHECK (b > 0);\n");

        var result = await VerifyAsync(files, scratch);

        result.ExitCode.ShouldBe(0, result.ToString());
        var notes = result.Stdout.Split('\n').Where(line => line.StartsWith("  note: ", StringComparison.Ordinal)).ToList();
        notes.ShouldHaveSingleItem().ShouldContain("2_drop_b: public.t.b");
    }

    // Migration 2's down leaves its index behind.
    private static MigrationFiles IndexLeftBehind()
    {
        var files = new MigrationFiles();
        files.Add(1, "create_t", CreateTable);
        files.Add(2, "index_name", "-- migrate:up\nCREATE INDEX t_name_idx ON t (name);\n\n-- migrate:down\nSELECT 1;\n");
        return files;
    }

    private static Task<CliResult> VerifyAsync(MigrationFiles files, TestDatabase scratch, params string[] extra) =>
        new CliHarness(files.Root).RunAsync(["verify", "--scratch-url", scratch.Url, .. extra]);
}
