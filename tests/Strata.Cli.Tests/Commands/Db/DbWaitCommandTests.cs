using System.Net;
using System.Net.Sockets;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Db;

public sealed class DbWaitCommandTests
{
    [Fact]
    public async Task Succeeds_at_once_on_a_ready_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        var result = await new CliHarness().With("DATABASE_URL", db.Url).RunAsync("--json", "db", "wait", "--timeout", "30s");

        result.ExitCode.ShouldBe(0, result.ToString());
        DbCli.Event(result, "db.ready").GetProperty("attempts").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_server_that_never_starts_times_out_with_exit_3_and_the_last_error()
    {
        var port = ClosedPort();

        var result = await new CliHarness()
            .With("DATABASE_URL", $"postgres://app@127.0.0.1:{port}/app")
            .With("STRATA_WAIT_TIMEOUT", "800ms")
            .RunAsync("db", "wait");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("database 'app' was not ready after 0.8 s");
        result.Stderr.ShouldContain($"last error: Connection refused by 127.0.0.1:{port}");
    }

    [Theory]
    [InlineData("60")]
    [InlineData("soon")]
    [InlineData("0")]
    public async Task A_timeout_without_a_unit_or_not_positive_is_a_usage_error(string timeout)
    {
        var result = await new CliHarness().With("DATABASE_URL", "postgres://app@127.0.0.1:1/app").RunAsync("db", "wait", "--timeout", timeout);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"--timeout '{timeout}'");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
