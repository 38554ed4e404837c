using System.Text.Json;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class PasswordCommandFailureTests
{
    [Theory]
    [InlineData("echo oops >&2; exit 4", "exited with code 4: oops")]
    [InlineData("true", "printed nothing; it must print the password on standard output")]
    public async Task A_failing_password_command_is_one_error_line_naming_the_command(string command, string problem)
    {
        await using var server = NotPostgresServer.AskingForPassword();
        var url = $"postgres://app@127.0.0.1:{server.Port}/appdb?sslmode=disable";

        var result = await new CliHarness().RunAsync("db", "info", "--database-url", url, "--password-command", command);

        result.ExitCode.ShouldBe(3, result.ToString());
        var problems = result.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal) || l.StartsWith("warning:", StringComparison.Ordinal));
        problems.ShouldBe([$"error: The password command from --password-command {problem}"], result.ToString());
    }

    [Fact]
    public async Task The_json_error_event_carries_the_password_commands_failure()
    {
        await using var server = NotPostgresServer.AskingForPassword();
        var url = $"postgres://app@127.0.0.1:{server.Port}/appdb?sslmode=disable";

        var result = await new CliHarness().RunAsync("--json", "db", "info", "--database-url", url, "--password-command", "echo oops >&2; exit 4");

        result.ExitCode.ShouldBe(3, result.ToString());
        var events = result.AllOutput.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        events.Where(e => e.GetProperty("level").GetString() is "warn" or "error").Select(e => e.GetProperty("message").GetString())
            .ShouldBe(["The password command from --password-command exited with code 4: oops"], result.ToString());
        events.Single(e => e.GetProperty("event").GetString() == "error").GetProperty("code").GetString().ShouldBe("connection-failed");
    }
}
