using System.Text.Json;
using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Unknown_flag_is_a_usage_error_with_exit_code_2()
    {
        var result = await new CliHarness().RunAsync("--no-such-flag");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--no-such-flag");
        result.Stderr.Trim().Split('\n').Length.ShouldBe(1, "a usage error is one line");
    }

    [Fact]
    public async Task Usage_error_in_json_mode_is_one_json_event_on_stdout()
    {
        var result = await new CliHarness().RunAsync("--json", "--no-such-flag");

        result.ExitCode.ShouldBe(2);
        var lines = result.Stdout.Trim().Split('\n');
        lines.Length.ShouldBe(1);
        using var json = JsonDocument.Parse(lines[0]);
        json.RootElement.GetProperty("event").GetString().ShouldBe("error");
        json.RootElement.GetProperty("level").GetString().ShouldBe("error");
        json.RootElement.GetProperty("code").GetString().ShouldBe("usage");
        json.RootElement.GetProperty("exitCode").GetInt32().ShouldBe(2);
        json.RootElement.TryGetProperty("time", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task STRATA_JSON_turns_on_json_output_like_the_flag()
    {
        var result = await new CliHarness().With("STRATA_JSON", "1").RunAsync("--no-such-flag");

        result.ExitCode.ShouldBe(2);
        result.Stdout.TrimStart().ShouldStartWith("{");
    }

    [Fact]
    public async Task Root_help_lists_every_command_and_global_option()
    {
        var result = await new CliHarness().RunAsync("--help");

        result.ExitCode.ShouldBe(0);
        Snapshot.Match("help-root.txt", result.Stdout);
    }

    public static TheoryData<string> Commands => new()
    {
        "up", "down", "redo", "status", "history", "validate", "lint", "new", "diff", "verify", "drift", "report", "stamp", "baseline", "adopt", "repair", "config",
        "local", "local start", "local stop", "local status", "local url", "local destroy",
        "db create", "db drop", "db seed", "db setup", "db reset", "db dump", "db load", "db connect", "db sessions", "db wait", "db info",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_reviewed_help(string command)
    {
        var result = await new CliHarness().RunAsync([.. command.Split(' '), "--help"]);

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("Usage:");
        Snapshot.Match($"help-{command.Replace(' ', '-')}.txt", result.Stdout);
    }

    [Fact]
    public async Task Version_prints_the_semantic_version()
    {
        var result = await new CliHarness().RunAsync("--version");

        result.ExitCode.ShouldBe(0);
        result.Stdout.Trim().ShouldStartWith("0.1.0");
    }
}
