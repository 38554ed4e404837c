using System.Diagnostics;
using System.Text.RegularExpressions;
using Strata.Core.Errors;
using Strata.Core.Local;

namespace Strata.Core.Tests.Local;

public sealed class LocalClusterConcurrencyTests
{
    [Fact]
    public async Task Clusters_started_at_once_on_one_directory_create_and_start_one_server()
    {
        await using var scope = new ClusterScope();

        var endpoints = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => scope.NewCluster().EnsureStartedAsync(CancellationToken.None))));

        endpoints.Select(e => e.Port).Distinct().Count().ShouldBe(1);
        (await ClusterScope.ScalarAsync<int>(endpoints[0], "SELECT 1")).ShouldBe(1);
        var log = await File.ReadAllTextAsync(Path.Combine(scope.ClusterDirectory, "postgres.log"));
        Regex.Count(log, "database system is ready to accept connections").ShouldBe(1);
        log.ShouldNotContain("FATAL");
    }

    [Fact]
    public async Task Waits_for_a_lock_held_by_another_process_and_gives_up_at_the_lock_timeout()
    {
        await using var scope = new ClusterScope();
        var lockFile = new ClusterLayout(scope.ClusterDirectory).LockFile;
        using var holder = HoldWithFlock(lockFile);
        (await holder.StandardOutput.ReadLineAsync()).ShouldBe("locked");
        scope.Options = scope.Options with { LockTimeout = TimeSpan.FromMilliseconds(300) };

        var error = await Should.ThrowAsync<LockNotAcquiredException>(
            () => scope.NewCluster().EnsureStartedAsync(CancellationToken.None));

        error.Message.ShouldContain(lockFile);
        error.Message.ShouldNotContain('\n');
        holder.StandardInput.Close();
        await holder.WaitForExitAsync();
        (await scope.NewCluster().StopAsync(CancellationToken.None)).ShouldBeFalse();
    }

    // flock(1) takes the same kind of lock .NET takes, from a separate process.
    private static Process HoldWithFlock(string lockFile)
    {
        var startInfo = new ProcessStartInfo("flock")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--exclusive", lockFile, "sh", "-c", "echo locked; cat >/dev/null" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Process.Start(startInfo)!;
    }
}
