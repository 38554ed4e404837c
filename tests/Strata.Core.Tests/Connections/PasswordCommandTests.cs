using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.Core.Tests.Connections;

public sealed class PasswordCommandTests
{
    private const string Pw = Resolve.KnownPassword;

    [Fact]
    public async Task Resolving_does_not_run_the_command_and_every_request_for_a_password_runs_it_again()
    {
        using var directory = new TempDirectory();
        var log = directory.Combine("runs.log");
        var resolved = await Resolve.WithAsync(
            directory,
            new Dictionary<string, string> { ["STRATA_PASSWORD_COMMAND"] = $"echo run >> '{log}'; printf '  token-%s\\n' $(wc -l < '{log}')" },
            r => r with { DatabaseUrl = $"postgres://app:{Pw}@h/db" });
        File.Exists(log).ShouldBeFalse();

        var command = resolved.PasswordCommand!;
        var first = await command.GetPasswordAsync(CancellationToken.None);
        var second = await command.GetPasswordAsync(CancellationToken.None);
        var third = command.GetPassword();

        (first, second, third).ShouldBe(("token-1", "token-2", "token-3"));
        File.ReadAllLines(log).Length.ShouldBe(3);
        resolved.PasswordSource.ShouldBe(PasswordSource.Command);
        resolved.Settings.Password.ShouldBeNull();
        resolved.PasswordSourceDescription.ShouldBe(
            "command from STRATA_PASSWORD_COMMAND, run for each new connection; overrides the password in --database-url");
    }

    [Fact]
    public async Task The_command_runs_in_the_working_directory()
    {
        using var directory = new TempDirectory();
        directory.Write("token.txt", "pw-in-working-dir");
        var resolved = await Resolve.WithAsync(
            directory, configure: r => r with { DatabaseUrl = "postgres://app@h/db", PasswordCommand = "cat token.txt" });

        (await resolved.PasswordCommand!.GetPasswordAsync(CancellationToken.None)).ShouldBe("pw-in-working-dir");
    }

    [Fact]
    public async Task A_failing_command_reports_its_exit_code_and_first_error_line_redacted()
    {
        var command = new PasswordCommand(
            $"printf '{Pw}'; echo 'token {Pw} was rejected' >&2; echo 'second line' >&2; exit 3", Path.GetTempPath(), "--password-command");

        var error = await Should.ThrowAsync<ConnectionFailedException>(() => command.GetPasswordAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe("The password command from --password-command exited with code 3: token ******** was rejected");
        error.ToString().ShouldNotContain(Pw);
    }

    [Fact]
    public void A_failing_command_is_reported_the_same_way_on_a_synchronous_open()
    {
        var command = new PasswordCommand(
            $"echo 'cannot reach postgres://app:{Pw}@db/x' >&2; exit 1", Path.GetTempPath(), "STRATA_PASSWORD_COMMAND");

        var error = Should.Throw<ConnectionFailedException>(command.GetPassword);

        error.Message.ShouldBe("The password command from STRATA_PASSWORD_COMMAND exited with code 1: cannot reach postgres://app:********@db/x");
    }

    [Fact]
    public async Task A_command_that_prints_nothing_is_an_error()
    {
        var command = new PasswordCommand("true", Path.GetTempPath(), "--password-command");

        var error = await Should.ThrowAsync<ConnectionFailedException>(() => command.GetPasswordAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe(
            "The password command from --password-command printed nothing; it must print the password on standard output");
    }

    [Fact]
    public async Task A_command_that_does_not_finish_in_time_is_stopped()
    {
        var command = new PasswordCommand("sleep 30", Path.GetTempPath(), "--password-command") { Timeout = TimeSpan.FromSeconds(1) };

        var error = await Should.ThrowAsync<ConnectionFailedException>(() => command.GetPasswordAsync(CancellationToken.None).AsTask());

        error.Message.ShouldBe("The password command from --password-command did not finish within 1 s and was stopped");
    }

    [Fact]
    public void A_synchronous_command_that_does_not_finish_in_time_is_stopped()
    {
        var command = new PasswordCommand("sleep 30", Path.GetTempPath(), "--password-command") { Timeout = TimeSpan.FromSeconds(1) };

        var error = Should.Throw<ConnectionFailedException>(command.GetPassword);

        error.Message.ShouldBe("The password command from --password-command did not finish within 1 s and was stopped");
    }

    [Fact]
    public async Task A_config_environment_password_command_runs_in_the_config_folder()
    {
        using var directory = new TempDirectory();
        directory.Write("deploy/token.txt", "pw-config-folder");
        var config = directory.Write("deploy/strata.json", """
            { "environments": { "prod": { "database": "postgres://app@h/db", "passwordCommand": "cat token.txt" } } }
            """);

        var resolved = await Resolve.WithAsync(directory, configure: r => r with { ConfigPath = config, EnvironmentName = "prod" });

        resolved.PasswordSourceDescription.ShouldBe(
            "command from passwordCommand of environment 'prod' in ./deploy/strata.json, run for each new connection");
        (await resolved.PasswordCommand!.GetPasswordAsync(CancellationToken.None)).ShouldBe("pw-config-folder");
    }
}
