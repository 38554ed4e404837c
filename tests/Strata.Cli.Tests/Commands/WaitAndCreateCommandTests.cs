using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class WaitAndCreateCommandTests
{
    [Fact]
    public async Task Up_creates_a_missing_database_first_and_migrates_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var missing = db.Name + "_new";
        using var files = new MigrationFiles().AddTables(2);
        try
        {
            var result = await new CliHarness(files.Root).RunAsync("up", "-u", db.Server.UrlFor(missing));

            result.ExitCode.ShouldBe(0, result.ToString());
            result.Stderr.ShouldContain($"Created database {missing}", Case.Sensitive, result.ToString());
            (await ScalarAsync(db, $"SELECT count(*) FROM pg_database WHERE datname = '{missing}'")).ShouldBe(1L);
        }
        finally
        {
            await ScalarAsync(db, $"DROP DATABASE IF EXISTS \"{missing}\" WITH (FORCE)");
        }
    }

    [Fact]
    public async Task Migrate_as_dbmate_spells_it_does_not_create_a_missing_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var missing = db.Name + "_absent";
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("migrate", "-u", db.Server.UrlFor(missing));

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain($"Database \"{missing}\" does not exist");
        (await ScalarAsync(db, $"SELECT count(*) FROM pg_database WHERE datname = '{missing}'")).ShouldBe(0L);
    }

    [Fact]
    public async Task Up_with_wait_on_a_live_server_without_the_database_waits_for_the_server_only()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var missing = db.Name + "_waited";
        using var files = new MigrationFiles().AddTables(1);
        try
        {
            var result = await new CliHarness(files.Root).RunAsync("up", "--wait", "--wait-timeout", "20s", "-u", db.Server.UrlFor(missing));

            result.ExitCode.ShouldBe(0, result.ToString());
        }
        finally
        {
            await ScalarAsync(db, $"DROP DATABASE IF EXISTS \"{missing}\" WITH (FORCE)");
        }
    }

    [Theory]
    [InlineData("up")]
    [InlineData("down")]
    [InlineData("status")]
    public async Task Wait_on_a_dead_server_gives_up_at_the_timeout_with_exit_3_and_one_error_line(string command)
    {
        using var files = new MigrationFiles().AddTables(1);
        var port = ClosedPort();
        var clock = Stopwatch.StartNew();

        var result = await new CliHarness(files.Root).RunAsync(command, "--wait", "--wait-timeout", "1s", "-u", $"postgres://app@127.0.0.1:{port}/app");

        result.ExitCode.ShouldBe(3, result.ToString());
        var errors = result.Stderr.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        errors.Count.ShouldBe(1, result.ToString());
        errors[0].ShouldContain("the server of database 'app' was not ready after 1 s");
        errors[0].ShouldContain($"Connection refused by 127.0.0.1:{port}");
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_wait_timeout_alone_also_waits()
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("up", "--wait-timeout", "500ms", "-u", $"postgres://app@127.0.0.1:{ClosedPort()}/app");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("was not ready after 0.5 s");
    }

    [Theory]
    [InlineData("60")]
    [InlineData("0s")]
    [InlineData("later")]
    public async Task A_bad_wait_timeout_is_a_usage_error(string timeout)
    {
        using var files = new MigrationFiles().AddTables(1);

        var result = await new CliHarness(files.Root).RunAsync("up", "--wait", "--wait-timeout", timeout, "-u", "postgres://app@127.0.0.1:1/app");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"--wait-timeout '{timeout}'");
    }

    [Theory]
    [InlineData("-1s", "write a whole number with a unit, such as 500ms, 2s, 5m or 1h")]
    [InlineData("2147483648ms", "the longest wait is 2147483647ms (about 24 days)")]
    [InlineData("0", "the wait needs a positive timeout, such as 30s")]
    public async Task A_refused_wait_timeout_does_not_offer_0_which_db_wait_refuses_too(string timeout, string problem)
    {
        var result = await new CliHarness().RunAsync("db", "wait", "--timeout", timeout, "-u", "postgres://app@127.0.0.1:1/app");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"'{timeout}': {problem}", customMessage: result.ToString());
        result.Stderr.ShouldNotContain("0 for no timeout", customMessage: result.ToString());
    }

    [Fact]
    public async Task A_refused_lock_wait_offers_0_as_one_try_not_as_no_timeout()
    {
        var result = await new CliHarness().RunAsync("up", "--lock-wait", "-5m", "-u", "postgres://app@127.0.0.1:1/app");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("or 0 to try once without waiting", customMessage: result.ToString());
        result.Stderr.ShouldNotContain("no timeout", customMessage: result.ToString());
    }

    private static async Task<object?> ScalarAsync(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
