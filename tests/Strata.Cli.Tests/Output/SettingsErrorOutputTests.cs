using System.Text.Json.Nodes;
using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.Output;

/// <summary>An error in the settings themselves, or in the command line, is still written in the format the variables ask for.</summary>
public sealed class SettingsErrorOutputTests
{
    [Theory]
    [InlineData("STRATA_JSON", "1", "up --lock-wait abc")]
    [InlineData("STRATA_FORMAT", "json", "up --env-file missing.env")]
    [InlineData("STRATA_JSON", "true", "up --database-url")]
    [InlineData("STRATA_FORMAT", "json", "status --strata-history-table")]
    [InlineData("STRATA_JSON", "1", "status --broken-config")]
    [InlineData("STRATA_FORMAT", "json", "up --bogus --broken-config")]
    public async Task A_settings_or_usage_error_is_a_json_error_event_when_a_variable_asks_for_json(string variable, string value, string command)
    {
        var cli = new CliHarness().With(variable, value);
        var args = Arguments(cli, command);

        var result = await cli.RunAsync(args);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldBeEmpty();
        var error = JsonNode.Parse(result.Stdout.Trim().Split('\n')[^1])!.AsObject();
        ((string?)error["event"]).ShouldBe("error");
        ((int?)error["exitCode"]).ShouldBe(2);
        ((string?)error["code"]).ShouldBe(command.Contains("--bogus", StringComparison.Ordinal) ? "usage" : "configuration");
    }

    [Fact]
    public async Task The_variables_of_the_env_file_choose_the_format_of_an_error_in_the_other_settings()
    {
        var cli = new CliHarness();
        File.WriteAllText(Path.Combine(cli.WorkingDirectory, ".env"), "STRATA_JSON=1\nSTRATA_LOCK_WAIT=abc\n");

        var result = await cli.RunAsync("up");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldBeEmpty();
        result.Stdout.ShouldContain("\"event\":\"error\"");
        result.Stdout.ShouldContain("STRATA_LOCK_WAIT in .env");
    }

    [Fact]
    public async Task Strata_format_github_annotates_a_broken_strata_json_and_summarises_it()
    {
        var cli = new CliHarness();
        var summary = Path.Combine(cli.WorkingDirectory, "step-summary.md");
        File.WriteAllText(Path.Combine(cli.WorkingDirectory, "strata.json"), "{bad json");

        var result = await cli.With("STRATA_FORMAT", "github").With("GITHUB_STEP_SUMMARY", summary).RunAsync("status");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldStartWith("::error title=strata%3A configuration::");
        File.ReadAllText(summary).ShouldContain("## strata status");
    }

    [Theory]
    [InlineData("up --format github --bogus", "usage")]
    [InlineData("up --format github --lock-wait abc", "configuration")]
    [InlineData("up --lock-wait abc", "configuration")]
    public async Task Under_format_github_a_usage_or_settings_error_writes_the_step_summary(string command, string code)
    {
        var cli = new CliHarness().With("STRATA_FORMAT", "github");
        var summary = Path.Combine(cli.WorkingDirectory, "step-summary.md");

        var result = await cli.With("GITHUB_STEP_SUMMARY", summary).RunAsync(command.Split(' '));

        result.ExitCode.ShouldBe(2, result.ToString());
        var markdown = File.ReadAllText(summary);
        markdown.ShouldStartWith("## strata up\n");
        markdown.ShouldContain($"### :x: Failed: `{code}`");
    }

    [Fact]
    public async Task The_format_flag_beats_the_variable_when_the_settings_are_wrong()
    {
        var result = await new CliHarness().With("STRATA_FORMAT", "json").RunAsync("up", "--format", "text", "--lock-wait", "abc");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldStartWith("error: --lock-wait 'abc'");
    }

    [Fact]
    public async Task A_malformed_strata_format_is_reported_in_text()
    {
        var result = await new CliHarness().With("STRATA_FORMAT", "yaml").RunAsync("status");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldBe("error: STRATA_FORMAT 'yaml': use text, json or github\n");
    }

    // The command line of a case, with its stand-ins made real: an empty flag value, a bad history table variable, a
    // broken strata.json in the working directory.
    private static string[] Arguments(CliHarness cli, string command)
    {
        var args = command.Split(' ').ToList();
        if (args.Remove("--broken-config"))
        {
            File.WriteAllText(Path.Combine(cli.WorkingDirectory, "strata.json"), "{bad json");
        }

        if (args.Remove("--strata-history-table"))
        {
            cli.With("STRATA_HISTORY_TABLE", "a.b.c");
        }

        if (args[^1] == "--database-url")
        {
            args.Add("");
        }

        return [.. args];
    }
}
