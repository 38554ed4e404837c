using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.AspNetCore.Tests.Support;
using Strata.Core.Configuration;
using Strata.Core.Sessions;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

/// <summary>A secret rotated while the app (or strata) runs is used from the next login on, against a server that checks passwords.</summary>
public sealed class SecretRotationTests
{
    private const string First = "first-Pa55-rotation";
    private const string Second = "second-Pa55-rotation";

    [Fact]
    public async Task The_app_logs_in_with_a_rotated_password_file_from_its_next_connection_without_a_restart()
    {
        await using var server = await PasswordServer.StartAsync();
        await server.ExecuteAsync($"CREATE ROLE rotating_app LOGIN PASSWORD '{First}'");
        using var secrets = TestDirectory.Create();
        var passwordFile = secrets.Combine("db-password");
        await File.WriteAllTextAsync(passwordFile, First + "\n");
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DB_HOST"] = "127.0.0.1",
            ["DB_PORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DB_NAME"] = "postgres",
            ["DB_USER"] = "rotating_app",
            ["DB_PASSWORD_FILE"] = passwordFile,
        });
        var dataSource = host.Get<NpgsqlDataSource>();
        (await CurrentUserAsync(dataSource)).ShouldBe("rotating_app");

        await server.ExecuteAsync($"ALTER ROLE rotating_app PASSWORD '{Second}'");
        await File.WriteAllTextAsync(passwordFile, Second + "\n");
        dataSource.Clear();

        (await CurrentUserAsync(dataSource)).ShouldBe("rotating_app");
        // The server really checks: the old password no longer logs in.
        await using var stale = NpgsqlDataSource.Create(
            $"Host=127.0.0.1;Port={server.Port};Username=rotating_app;Password={First};Database=postgres;Pooling=false");
        var refused = await Should.ThrowAsync<PostgresException>(async () => await (await stale.OpenConnectionAsync()).DisposeAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword);
        host.Logs.AllText().ShouldNotContain(Second);
        host.Logs.AllText().ShouldNotContain(First);
    }

    [Fact]
    public async Task Strata_reruns_the_password_command_once_when_the_server_refuses_the_password()
    {
        await using var server = await PasswordServer.StartAsync();
        await server.ExecuteAsync($"CREATE ROLE rotating_cli LOGIN PASSWORD '{Second}'");
        using var secrets = TestDirectory.Create();
        // The secret store still answers the old password the first time, as it can just after a rotation.
        await File.WriteAllTextAsync(secrets.Combine("old"), First);
        await File.WriteAllTextAsync(secrets.Combine("new"), Second);
        var command = $"if [ -f {secrets.Combine("asked")} ]; then cat {secrets.Combine("new")}; else touch {secrets.Combine("asked")}; cat {secrets.Combine("old")}; fi";
        var settings = await new StrataSettingsBuilder(secrets.Path, new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgres://rotating_cli@127.0.0.1:{server.Port}/postgres",
            ["STRATA_PASSWORD_COMMAND"] = command,
        }).BuildAsync();
        var logs = new LogCollector();
        using var loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));

        await using var session = await StrataSession.OpenAsync(settings, new StrataSessionOptions { LoggerFactory = loggerFactory });
        var dataSource = await session.DataSourceAsync();

        (await CurrentUserAsync(dataSource)).ShouldBe("rotating_cli");
        logs.Entries.Where(e => e.EventId == 1050).ShouldHaveSingleItem().Level.ShouldBe(LogLevel.Warning);
        logs.AllText().ShouldNotContain(First);
        logs.AllText().ShouldNotContain(Second);
    }

    private static async Task<string> CurrentUserAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT current_user");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
