using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Hosting;

public sealed partial class OutputTests
{
    private const char Escape = '\u001b';

    [Fact]
    public async Task Colours_output_on_a_terminal()
    {
        var result = await new CliHarness { Terminal = true }.RunAsync("config");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain(Escape);
    }

    [Theory]
    [InlineData("NO_COLOR")]
    [InlineData("STRATA_NO_COLOR")]
    public async Task Colour_variables_turn_colour_off_on_a_terminal(string variable)
    {
        var result = await new CliHarness { Terminal = true }.With(variable, "1").RunAsync("config");

        result.ExitCode.ShouldBe(0);
        result.AllOutput.ShouldNotContain(Escape);
    }

    [Fact]
    public async Task No_colour_when_output_is_not_a_terminal()
    {
        var result = await new CliHarness().RunAsync("config");

        result.AllOutput.ShouldNotContain(Escape);
    }

    [Fact]
    public async Task Quiet_prints_nothing_when_up_succeeds()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "tags", "-- migrate:up\nCREATE TABLE tags (id bigint PRIMARY KEY, name text);\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var result = await cli.RunAsync("up", "--quiet");

        result.ExitCode.ShouldBe(0);
        result.Stderr.ShouldBeEmpty();
        result.Stdout.ShouldBeEmpty();
        (await cli.RunAsync("status", "--quiet")).Stdout.ShouldContain("0 pending");
    }

    [Fact]
    public async Task Status_json_has_a_reviewed_shape()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles().AddTables(2);
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        await cli.RunAsync("up", "--steps", "1");

        var result = await cli.RunAsync("status", "--json", "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        var status = JsonNode.Parse(result.Stdout.Trim().Split('\n')[^1])!.AsObject();
        Snapshot.Match("json-status.json", Normalize(status, files.Root));
    }

    // Times and temporary paths differ on every run; everything else is the contract.
    private static string Normalize(JsonObject json, string root)
    {
        var text = json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        text = text.Replace(root, "<root>", StringComparison.Ordinal);
        return Timestamp().Replace(text, "\"<time>\"") + "\n";
    }

    [GeneratedRegex("\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"")]
    private static partial Regex Timestamp();
}
