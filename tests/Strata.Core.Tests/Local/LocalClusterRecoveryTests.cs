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
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await postmaster.WaitForExitAsync(timeout.Token);
        }

        File.Exists(Path.Combine(scope.ClusterDirectory, "data", "postmaster.pid")).ShouldBeTrue();
        (await cluster.GetStatusAsync(CancellationToken.None)).Running.ShouldBeFalse();

        var restarted = await cluster.EnsureStartedAsync(CancellationToken.None);

        restarted.Port.ShouldBe(endpoint.Port);
        (await ClusterScope.ScalarAsync<int>(restarted, "SELECT id FROM survivor")).ShouldBe(9);
        (await cluster.GetStatusAsync(CancellationToken.None)).Pid.ShouldNotBe(pid);
    }

    [Fact]
    public async Task A_pid_file_naming_a_live_process_that_is_not_the_server_does_not_block_the_start()
    {
        await using var scope = new ClusterScope();
        var cluster = scope.NewCluster();
        await cluster.EnsureStartedAsync(CancellationToken.None);
        var pidFile = Path.Combine(scope.ClusterDirectory, "data", "postmaster.pid");
        var lines = await File.ReadAllLinesAsync(pidFile);
        await cluster.StopAsync(CancellationToken.None);
        // What a reused pid, or a killed server left unreaped as a zombie, looks like: the pid exists but is not a
        // running postmaster. It belongs to the cluster's user, so PostgreSQL alone would refuse to start.
        using var impostor = StartAsClusterUser("sleep", "600");
        lines[0] = impostor.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllLinesAsync(pidFile, lines);
        (await cluster.GetStatusAsync(CancellationToken.None)).Running.ShouldBeFalse();

        try
        {
            var endpoint = await cluster.EnsureStartedAsync(CancellationToken.None);

            (await ClusterScope.ScalarAsync<int>(endpoint, "SELECT 1")).ShouldBe(1);
            (await cluster.GetStatusAsync(CancellationToken.None)).Pid.ShouldNotBe(impostor.Id);
        }
        finally
        {
            impostor.Kill();
        }
    }

    // setpriv switches user and then execs, so the process keeps the pid it was started with.
    private static Process StartAsClusterUser(params string[] command)
    {
        var asRoot = Environment.IsPrivilegedProcess;
        var startInfo = new ProcessStartInfo(asRoot ? "setpriv" : command[0]) { UseShellExecute = false };
        var arguments = asRoot ? ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", .. command] : command[1..];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Process.Start(startInfo)!;
    }
}
