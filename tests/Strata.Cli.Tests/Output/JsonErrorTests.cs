using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Output;

public sealed partial class JsonErrorTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task A_failing_migration_ends_with_an_error_event_that_says_where_and_what_was_applied_first()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(1);
        files.Add(2000, "add_orders", "-- migrate:up\nCREATE TABLE orders (id int);\nINSERT INTO orders\n  SELECT id FROM no_such_table;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up", "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var events = Events(result.Stdout);
        var error = events[^1];
        ((string?)error["sqlstate"]).ShouldBe("42P01");
        ((int?)error["line"]).ShouldBe(4, "the statement starts on line 3; the missing table is named on line 4");
        Snapshot.Match("json-error-migration-failed.json", Normalize(error, files.Root));
        AssertConformsToSchema(events);
    }

    [Fact]
    public async Task A_password_in_the_failing_statement_is_masked_in_the_error_event()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1000, "role", "-- migrate:up\nCREATE ROLE app_writer LOGIN PASSWORD 'Tr0ub4dor&3' NO_SUCH_OPTION;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up", "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.AllOutput.ShouldNotContain("Tr0ub4dor");
        var error = Events(result.Stdout)[^1];
        ((string?)error["statement"]).ShouldBe("CREATE ROLE app_writer LOGIN PASSWORD '********' NO_SUCH_OPTION;");
        ((string?)error["sqlstate"]).ShouldBe("42601");
    }

    [Fact]
    public async Task A_password_written_in_double_quotes_is_masked_also_where_the_server_s_error_quotes_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1000, "role", "-- migrate:up\nCREATE ROLE app_reader LOGIN PASSWORD \"Sekret-dq-77\";\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up", "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.AllOutput.ShouldNotContain("Sekret-dq-77");
        var error = Events(result.Stdout)[^1];
        ((string?)error["statement"]).ShouldBe("CREATE ROLE app_reader LOGIN PASSWORD '********';");
        ((string?)error["message"])!.ShouldContain("syntax error at or near");
        ((string?)error["sqlstate"]).ShouldBe("42601");
    }

    [Fact]
    public async Task Validate_ends_with_its_error_event_like_the_other_commands()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        File.AppendAllText(Path.Combine(files.Path, "1001_create_t1.sql"), "-- edited\n");

        var result = await cli.RunAsync("validate", "--json");

        result.ExitCode.ShouldBe(5, result.ToString());
        var events = Events(result.Stdout);
        ((string?)events[^2]["event"]).ShouldBe("validate");
        Snapshot.Match("json-error-validate.json", Normalize(events[^1], files.Root));
        AssertConformsToSchema(events);
    }

    [Fact]
    public async Task A_broken_migration_file_names_its_file_and_line()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1000, "broken", "-- migrate:up\nSELECT 1;\n-- migrate:sideways\n");

        var result = await new CliHarness(files.Root).With("DATABASE_URL", db.Url).RunAsync("up", "--json");

        result.ExitCode.ShouldBe(5, result.ToString());
        var events = Events(result.Stdout);
        Snapshot.Match("json-error-migration-file.json", Normalize(events[^1], files.Root));
        AssertConformsToSchema(events);
    }

    [Fact]
    public async Task A_usage_error_has_the_same_error_shape()
    {
        var result = await new CliHarness().RunAsync("up", "--json", "--steps", "many");

        result.ExitCode.ShouldBe(2, result.ToString());
        var events = Events(result.Stdout);
        Snapshot.Match("json-error-usage.json", Normalize(events[^1], "<none>"));
        AssertConformsToSchema(events);
    }

    [Fact]
    public async Task Successful_runs_conform_to_the_event_schema()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        foreach (var args in new[] { ["up", "--json", "--verbose"], ["validate", "--json"], ["down", "--json"], new[] { "status", "--json" } })
        {
            var result = await cli.RunAsync(args);
            result.ExitCode.ShouldBe(0, result.ToString());
            AssertConformsToSchema(Events(result.Stdout));
        }
    }

    [Fact]
    public void The_schema_check_fails_an_error_event_without_its_location_fields()
    {
        var schema = JsonSchemaSubset.Load(Repository.PathTo("docs", "schemas", "strata-events.schema.json"));
        var bad = JsonNode.Parse("""{"time":"t","level":"error","event":"error","message":"m","code":"x","exitCode":1}""");

        schema.Check(bad).ShouldContain("$: missing sqlstate");
    }

    private static void AssertConformsToSchema(IEnumerable<JsonObject> events)
    {
        var schema = JsonSchemaSubset.Load(Repository.PathTo("docs", "schemas", "strata-events.schema.json"));
        foreach (var json in events)
        {
            schema.Check(json).ShouldBeEmpty(json.ToJsonString());
        }
    }

    private static List<JsonObject> Events(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.AsObject())];

    // Times, durations and temporary paths differ on every run; everything else is the contract.
    private static string Normalize(JsonObject json, string root)
    {
        var text = json.ToJsonString(Indented).Replace(root, "<root>", StringComparison.Ordinal);
        text = Timestamp().Replace(text, "\"<time>\"");
        return Duration().Replace(text, "\"durationMs\": 0") + "\n";
    }

    [GeneratedRegex("\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"")]
    private static partial Regex Timestamp();

    [GeneratedRegex("\"durationMs\": [0-9.]+")]
    private static partial Regex Duration();
}
