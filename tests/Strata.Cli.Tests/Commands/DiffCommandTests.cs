using System.Text.Json;
using Strata.Cli.Tests.Commands.Db;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class DiffCommandTests
{
    private const string Schema = "CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL DEFAULT ''); CREATE INDEX t_name_idx ON t (name)";

    [Fact]
    public async Task Two_databases_with_the_same_schema_are_equal()
    {
        await using var a = await TestPostgres.CreateDatabaseAsync();
        await using var b = await TestPostgres.CreateDatabaseAsync();
        await DbCli.ExecuteAsync(a, Schema);
        await DbCli.ExecuteAsync(b, Schema);

        var result = await new CliHarness().RunAsync("diff", a.Url, b.Url);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("the schemas are equal");
    }

    [Theory]
    [InlineData("public.strata_schema_migrations")]
    [InlineData("public.user")]
    [InlineData("order.values")]
    public async Task The_history_table_is_left_out_whatever_its_name(string historyTable)
    {
        await using var a = await TestPostgres.CreateDatabaseAsync();
        await using var b = await TestPostgres.CreateDatabaseAsync();
        var cli = new CliHarness();
        DbCli.Write(cli, "db/migrations/1_t.sql", $"-- migrate:up\n{Schema};\n");
        (await cli.RunAsync("up", "--database-url", a.Url, "--history-table", historyTable)).ExitCode.ShouldBe(0);
        await DbCli.ExecuteAsync(b, Schema);

        var result = await cli.RunAsync("diff", a.Url, b.Url, "--history-table", historyTable);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("the schemas are equal");
    }

    [Fact]
    public async Task A_difference_names_each_object_and_attribute_and_exits_5()
    {
        await using var a = await TestPostgres.CreateDatabaseAsync();
        await using var b = await TestPostgres.CreateDatabaseAsync();
        await DbCli.ExecuteAsync(a, Schema);
        await DbCli.ExecuteAsync(b, Schema + "; ALTER TABLE t ADD COLUMN note text; ALTER TABLE t ALTER COLUMN name SET DEFAULT 'x'; DROP INDEX t_name_idx");

        var result = await new CliHarness().RunAsync("diff", a.Url, b.Url);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("added column public.t.note");
        result.Stdout.ShouldContain("changed column public.t.name: default ''::text → 'x'::text");
        result.Stdout.ShouldContain("removed index public.t_name_idx");
        result.Stdout.ShouldContain("3 objects differ");
    }

    [Fact]
    public async Task Json_output_lists_the_differences()
    {
        await using var a = await TestPostgres.CreateDatabaseAsync();
        await using var b = await TestPostgres.CreateDatabaseAsync();
        await DbCli.ExecuteAsync(a, Schema);
        await DbCli.ExecuteAsync(b, Schema + "; ALTER TABLE t ALTER COLUMN name DROP NOT NULL");

        var result = await new CliHarness().RunAsync("diff", a.Url, b.Url, "--json");

        result.ExitCode.ShouldBe(5, result.ToString());
        var diff = DbCli.Event(result, "schema.diff");
        diff.GetProperty("equal").GetBoolean().ShouldBeFalse();
        var difference = diff.GetProperty("differences").EnumerateArray().ShouldHaveSingleItem();
        difference.GetProperty("kind").GetString().ShouldBe("column");
        difference.GetProperty("name").GetString().ShouldBe("public.t.name");
        difference.GetProperty("change").GetString().ShouldBe("changed");
        var attribute = difference.GetProperty("attributes").EnumerateArray().ShouldHaveSingleItem();
        attribute.GetProperty("name").GetString().ShouldBe("not null");
        attribute.GetProperty("before").GetString().ShouldBe("true");
        attribute.GetProperty("after").GetString().ShouldBe("false");
        var error = DbCli.Event(result, "error");
        (error.GetProperty("code").GetString(), error.GetProperty("exitCode").GetInt32()).ShouldBe(("validation-failed", 5));
        error.GetProperty("message").GetString().ShouldBe("diff: 1 object differs between the two schemas");
        result.Stdout.TrimEnd().Split('\n')[^1].ShouldContain("\"event\":\"error\"", customMessage: "the error is the last event");
    }

    [Fact]
    public async Task A_saved_snapshot_compares_with_an_environment_later()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await DbCli.ExecuteAsync(db, Schema);
        var cli = DbCli.WithEnvironment(db, "staging", string.Empty);

        var save = await cli.RunAsync("diff", "--save", "before.json", "staging");
        var same = await cli.RunAsync("diff", "before.json", "staging");
        await DbCli.ExecuteAsync(db, "ALTER TABLE t ALTER COLUMN name TYPE varchar(20)");
        var changed = await cli.RunAsync("diff", "before.json", "staging");

        save.ExitCode.ShouldBe(0, save.ToString());
        save.Stdout.ShouldContain("saved");
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(cli.WorkingDirectory, "before.json")));
        file.RootElement.GetProperty("format").GetString().ShouldBe("strata-schema");
        same.ExitCode.ShouldBe(0, same.ToString());
        changed.ExitCode.ShouldBe(5, changed.ToString());
        changed.Stdout.ShouldContain("changed column public.t.name: type text → character varying(20)");
    }

    [Fact]
    public async Task A_migrations_directory_compares_with_the_database_it_migrated()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var scratch = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root);
        (await cli.RunAsync("up", "--database-url", db.Url)).ExitCode.ShouldBe(0);

        var same = await cli.RunAsync("diff", "db/migrations", db.Url, "--scratch-url", scratch.Url);
        files.AddTables(3);
        var ahead = await cli.RunAsync("diff", db.Url, "db/migrations", "--scratch-url", scratch.Url);

        same.ExitCode.ShouldBe(0, same.ToString());
        ahead.ExitCode.ShouldBe(5, ahead.ToString());
        ahead.Stdout.ShouldContain("added table public.t2");
        ahead.Stdout.ShouldNotContain("strata_schema_migrations");
    }

    [Theory]
    [InlineData("{ \"objects\": 3 }")]
    [InlineData("{ \"format\": \"strata-schema\", \"version\": 1.5, \"objects\": [] }")]
    [InlineData("{ \"format\": \"strata-schema\", \"version\": 99999999999, \"objects\": [] }")]
    public async Task A_file_that_is_not_a_snapshot_is_a_one_line_error(string content)
    {
        var cli = new CliHarness();
        DbCli.Write(cli, "broken.json", content);

        var result = await cli.RunAsync("diff", "broken.json", "broken.json");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("broken.json is not a schema snapshot saved by Strata");
        result.Stderr.ShouldNotContain("Exception");
    }

    [Theory]
    [InlineData("./db/migratoins")]
    [InlineData("db/migratoins")]
    [InlineData("before.json")]
    [InlineData("schema.sql")]
    public async Task A_path_that_does_not_exist_is_named_as_one(string side)
    {
        var cli = new CliHarness();
        DbCli.Write(cli, "after.json", "{ \"format\": \"strata-schema\", \"version\": 1, \"objects\": [] }");

        var result = await cli.RunAsync("diff", side, "after.json");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().ShouldBe($"error: {side}: no such file or directory (a schema is a database URL, an environment name, a migrations directory or a snapshot file)");
    }

    [Theory]
    [InlineData("before.json")]
    [InlineData("db/schema.sql")]
    public async Task A_directory_named_like_a_file_is_refused_not_read_as_migrations(string side)
    {
        var cli = new CliHarness();
        Directory.CreateDirectory(Path.Combine(cli.WorkingDirectory, side));
        DbCli.Write(cli, "after.json", "{ \"format\": \"strata-schema\", \"version\": 1, \"objects\": [] }");

        // No scratch server is reachable: a side read as migrations would fail to connect instead.
        var result = await cli.RunAsync("diff", side, "after.json", "--scratch-url", "postgres://nobody@127.0.0.1:1/postgres");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.Trim().ShouldBe(
            $"error: {side}: a directory, where its name says a file (a schema is a database URL, an environment name, a migrations directory or a snapshot file; a migrations directory is not named .json or .sql)");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task One_schema_without_save_is_a_usage_error()
    {
        var result = await new CliHarness().RunAsync("diff", "only.json");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("diff needs two schemas to compare");
    }
}
