using System.Net;
using System.Net.Sockets;
using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Tests.Engine;
using Strata.Core.Tests.Local;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class WaitTests
{
    private const int NotReadyEvent = 1509;

    [Fact]
    public async Task Returns_at_once_when_the_database_accepts_connections()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var lifecycle = await LifecycleKit.ForAsync(db);

        var result = await lifecycle.WaitAsync(new WaitOptions { Timeout = TimeSpan.FromSeconds(30) });

        result.Attempts.ShouldBe(1);
        result.Database.ShouldBe(db.Name);
    }

    [Fact]
    public async Task Waits_for_a_server_that_starts_after_the_wait_began()
    {
        await using var scope = new ClusterScope();
        var endpoint = await scope.NewCluster().EnsureStartedAsync(CancellationToken.None);
        await scope.NewCluster().StopAsync(CancellationToken.None);
        var failedOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logger = new TestLogger { OnLog = entry => { if (entry.EventId == NotReadyEvent) { failedOnce.TrySetResult(); } } };
        var lifecycle = await LifecycleKit.ForUrlAsync($"postgres://{endpoint.Username}@127.0.0.1:{endpoint.Port}/postgres", logger);

        var waiting = lifecycle.WaitAsync(new WaitOptions { Timeout = TimeSpan.FromMinutes(2) });
        await failedOnce.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var restarted = await scope.NewCluster().EnsureStartedAsync(CancellationToken.None);
        var result = await waiting;

        restarted.Port.ShouldBe(endpoint.Port, "the cluster keeps its port across restarts");
        result.Attempts.ShouldBeGreaterThan(1);
        result.Server.ShouldBe($"127.0.0.1:{endpoint.Port}");
        logger.WithEvent(NotReadyEvent)[0].Message.ShouldContain("Connection refused");
    }

    [Fact]
    public async Task Waits_for_a_database_that_is_created_after_the_wait_began()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var url = LifecycleKit.NewDatabaseUrl(db, "late", out _);
        var failedOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logger = new TestLogger { OnLog = entry => { if (entry.EventId == NotReadyEvent) { failedOnce.TrySetResult(); } } };
        var lifecycle = await LifecycleKit.ForUrlAsync(url, logger);
        try
        {
            var waiting = lifecycle.WaitAsync(new WaitOptions { Timeout = TimeSpan.FromMinutes(2) });
            await failedOnce.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await lifecycle.CreateAsync();

            (await waiting).Attempts.ShouldBeGreaterThan(1);
            logger.WithEvent(NotReadyEvent)[0].Message.ShouldContain("does not exist");
        }
        finally
        {
            await LifecycleKit.DropQuietlyAsync(url);
        }
    }

    [Fact]
    public async Task Gives_up_after_the_timeout_with_the_last_error()
    {
        var port = ClosedPort();
        var lifecycle = await LifecycleKit.ForUrlAsync($"postgres://postgres@127.0.0.1:{port}/app");

        var error = await Should.ThrowAsync<ConnectionFailedException>(() => lifecycle.WaitAsync(new WaitOptions { Timeout = TimeSpan.FromMilliseconds(700) }));

        error.Message.ShouldStartWith("database 'app' was not ready after 0.7 s (");
        error.Message.ShouldContain($"last error: Connection refused by 127.0.0.1:{port}");
    }

    [Fact]
    public async Task An_attempt_still_connecting_at_the_deadline_is_cut_short()
    {
        await using var server = NotPostgresServer.Silent();
        // The connect timeout is far beyond the wait: only the deadline can end the attempt in time.
        var lifecycle = await LifecycleKit.ForUrlAsync($"postgres://postgres@127.0.0.1:{server.Port}/app?sslmode=disable&connect_timeout=30");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Should.ThrowAsync<ConnectionFailedException>(() => lifecycle.WaitAsync(new WaitOptions { Timeout = TimeSpan.FromSeconds(1) }));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        error.Message.ShouldBe("database 'app' was not ready after 1 s (1 attempt(s)); last error: connecting did not finish within the 1 s left");
    }

    [Fact]
    public async Task A_refused_login_fails_at_once_instead_of_waiting()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var lifecycle = await LifecycleKit.ForUrlAsync($"postgres://no_such_role_here@{db.Server.Host}:{db.Server.Port}/{db.Name}");

        var error = await Should.ThrowAsync<ConnectionFailedException>(() => lifecycle.WaitAsync(new WaitOptions { Timeout = TimeSpan.FromMinutes(5) }));

        error.Message.ShouldContain("no_such_role_here");
        error.Message.ShouldNotContain("was not ready");
    }

    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
