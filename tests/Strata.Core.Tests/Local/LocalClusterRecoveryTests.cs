using System.Diagnostics;

namespace Strata.Core.Tests.Local;

public sealed class LocalClusterRecoveryTests
{
    [Fact]
    public async Task A_server_killed_with_sigkill_leaves_a_stale_pid_file_and_the_next_start_recovers()
    {
        await using var scope = new ClusterScope();
        var cluster = scope.NewCluster();
        var endpoint = await cluster.EnsureStartedAsync(CancellationToken.None);
        await ClusterScope.ScalarAsync<int>(endpoint, "CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (9); SELECT 1");
        var pid = (await cluster.GetStatusAsync(CancellationToken.None)).Pid!.Value;

        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill();
            await postmaster.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }

        File.Exists(Path.Combine(scope.ClusterDirectory, "data", "postmaster.pid")).ShouldBeTrue();
        (await cluster.GetStatusAsync(CancellationToken.None)).Running.ShouldBeFalse();

        var restarted = await cluster.EnsureStartedAsync(CancellationToken.None);

        restarted.Port.ShouldBe(endpoint.Port);
        (await ClusterScope.ScalarAsync<int>(restarted, "SELECT id FROM survivor")).ShouldBe(9);
        (await cluster.GetStatusAsync(CancellationToken.None)).Pid.ShouldNotBe(pid);
    }
}
