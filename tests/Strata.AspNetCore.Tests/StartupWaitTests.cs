using System.Net;
using Strata.AspNetCore.Tests.Support;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

public sealed class StartupWaitTests
{
    [Fact]
    public async Task Waits_for_a_database_that_is_down_at_start_then_migrates_and_becomes_ready()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var port = Ports.Unused();
        await using var host = TestHost.Create(
            new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = new UriBuilder(db.Url) { Host = "127.0.0.1", Port = port }.Uri.ToString(),
                ["Strata:MigrateOnStart"] = "true",
                ["Strata:WaitTimeout"] = "2m",
            },
            options => options.UseEmbeddedMigrations(typeof(StartupWaitTests).Assembly, "testapp/migrations"));

        var starting = host.StartAsync();
        await WaitForAsync(() => host.Logs.Entries.Any(e => e.EventId == 1614));

        var waiting = await host.Get<Health.StrataReadinessProbe>().CheckAsync(CancellationToken.None);
        waiting.IsReady.ShouldBeFalse();
        waiting.DatabaseReachable.ShouldBeFalse();
        waiting.Problem.ShouldNotBeNull().ShouldStartWith("migrating: waiting for the database");
        starting.IsCompleted.ShouldBeFalse();
        await using (TcpForwarder.Start(port, db.Server.Host, db.Server.Port))
        {
            await starting;

            host.ExitCode.ShouldBeNull();
            (await HealthBody.GetAsync(host.Client, "/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
            host.Logs.Entries.ShouldContain(e => e.EventId == 1615);
            host.Logs.Entries.ShouldContain(e => e.EventId == 1611 && e.Message.Contains("applied 2 migration(s) (1, 2)"));
            var retry = host.Logs.Entries.First(e => e.EventId == 1614);
            retry.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Warning);
            retry.Message.ShouldContain("attempt 1");
            retry.Message.ShouldContain("of 120 s");
        }
    }

    [Fact]
    public async Task Gives_up_on_a_database_that_stays_down_and_stops_the_start_with_exit_code_3()
    {
        var port = Ports.Unused();
        await using var host = TestHost.Create(
            new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = $"postgres://app@127.0.0.1:{port}/app",
                ["Strata:MigrateOnStart"] = "true",
                ["Strata:WaitTimeout"] = "1500ms",
            },
            options => options.UseEmbeddedMigrations(typeof(StartupWaitTests).Assembly, "testapp/migrations"));

        await Should.ThrowAsync<ConnectionFailedException>(host.StartAsync);

        host.ExitCode.ShouldBe(3);
        var line = host.Logs.Entries.Where(e => e.EventId == 1613).ShouldHaveSingleItem();
        line.Message.ShouldContain("(connection-failed)");
        line.Message.ShouldContain("did not answer within 1.5 s");
        host.Logs.Entries.Count(e => e.EventId == 1614).ShouldBeGreaterThan(1);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
