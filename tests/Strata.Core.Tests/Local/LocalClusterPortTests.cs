using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Core.Local;

namespace Strata.Core.Tests.Local;

public sealed class LocalClusterPortTests
{
    [Fact]
    public async Task A_port_taken_by_another_program_moves_the_cluster_to_a_new_port_that_it_keeps()
    {
        await using var scope = new ClusterScope();
        var cluster = scope.NewCluster();
        var first = await cluster.EnsureStartedAsync(CancellationToken.None);
        await cluster.StopAsync(CancellationToken.None);
        using var squatter = Occupy(first.Port);

        var moved = await cluster.EnsureStartedAsync(CancellationToken.None);

        moved.Port.ShouldNotBe(first.Port);
        (await ClusterScope.ScalarAsync<int>(moved, "SELECT 1")).ShouldBe(1);
        await cluster.StopAsync(CancellationToken.None);
        (await cluster.GetStatusAsync(CancellationToken.None)).Port.ShouldBe(moved.Port);
    }

    [Fact]
    public async Task A_port_taken_between_the_probe_and_the_start_is_replaced_by_a_new_one()
    {
        await using var scope = new ClusterScope();
        var cluster = scope.NewCluster();
        await cluster.EnsureStartedAsync(CancellationToken.None);
        await cluster.StopAsync(CancellationToken.None);
        var startup = await StartupForAsync(scope.Options);
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var takenPort = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var port = await startup.StartOnAsync(takenPort, CancellationToken.None);

        port.ShouldNotBe(takenPort);
        var status = await cluster.GetStatusAsync(CancellationToken.None);
        status.Running.ShouldBeTrue();
        status.Port.ShouldBe(port);
        var log = await File.ReadAllTextAsync(Path.Combine(scope.ClusterDirectory, "postgres.log"));
        log.ShouldContain("could not bind IPv4 address");
    }

    private static TcpListener Occupy(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return listener;
    }

    private static async Task<ClusterStartup> StartupForAsync(LocalClusterOptions options)
    {
        var layout = new ClusterLayout(options.Directory);
        var runner = new ProgramRunner(NullLogger.Instance);
        var user = await ClusterUser.ResolveAsync(options, runner, CancellationToken.None);
        var pgCtl = new PgCtl(PostgresBinaries.Locate(options), user, runner, layout, options);
        return new ClusterStartup(pgCtl, user, layout, options, NullLogger.Instance);
    }
}
