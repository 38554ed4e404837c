using System.Diagnostics;
using Strata.Core.Errors;
using Strata.Core.Local;

namespace Strata.Core.Tests.Local;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LocalClusterPrivilegeTests
{
    [RootFact]
    public async Task As_root_runs_the_server_as_the_user_named_by_STRATA_LOCAL_USER_and_gives_it_the_cluster()
    {
        await using var scope = new ClusterScope();
        var environment = ClusterScope.ProcessEnvironment();
        environment[LocalClusterOptions.RunAsUserVariable] = "nobody";
        scope.Options = scope.Options with { Environment = environment };
        var cluster = scope.NewCluster();

        await cluster.EnsureStartedAsync(CancellationToken.None);

        var pid = (await cluster.GetStatusAsync(CancellationToken.None)).Pid!.Value;
        var nobody = await IdAsync("-u", "nobody");
        (await OwnerOfProcessAsync(pid)).ShouldBe(nobody);
        (await StatOwnerAsync(scope.ClusterDirectory)).ShouldBe(nobody);
        (await StatOwnerAsync(Path.Combine(scope.ClusterDirectory, "data", "postgresql.strata.conf"))).ShouldBe(nobody);
    }

    [RootFact]
    public async Task As_root_stops_the_server_as_the_user_who_owns_it_whichever_user_is_named_now()
    {
        await using var scope = new ClusterScope();
        var environment = ClusterScope.ProcessEnvironment();
        environment[LocalClusterOptions.RunAsUserVariable] = "nobody";
        var startedAsNobody = scope.Options with { Environment = environment };
        await new LocalCluster(startedAsNobody).EnsureStartedAsync(CancellationToken.None);

        var stopped = await scope.NewCluster().StopAsync(CancellationToken.None);

        stopped.ShouldBeTrue();
        (await scope.NewCluster().GetStatusAsync(CancellationToken.None)).Running.ShouldBeFalse();
    }

    [RootFact]
    public async Task As_root_refuses_a_cluster_below_a_directory_its_user_cannot_enter_and_names_that_directory()
    {
        await using var scope = new ClusterScope();
        var locked = scope.Directory.Combine("private");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        scope.Options = scope.Options with { Directory = Path.Combine(locked, "project", ".strata", "postgres") };

        var error = await Should.ThrowAsync<LocalClusterException>(
            () => scope.NewCluster().EnsureStartedAsync(CancellationToken.None));

        error.Message.ShouldContain($"cannot enter {locked};");
        error.Message.ShouldContain("chmod o+x");
    }

    [RootFact]
    public async Task As_root_refuses_to_run_the_server_as_root()
    {
        await using var scope = new ClusterScope();
        scope.Options = scope.Options with { RunAsUser = "root" };

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => scope.NewCluster().EnsureStartedAsync(CancellationToken.None));

        error.Message.ShouldContain(LocalClusterOptions.RunAsUserVariable);
        Directory.Exists(scope.ClusterDirectory).ShouldBeFalse();
    }

    [RootFact]
    public async Task As_root_reports_a_run_as_user_that_does_not_exist()
    {
        await using var scope = new ClusterScope();
        scope.Options = scope.Options with { RunAsUser = "strata-no-such-user" };

        var error = await Should.ThrowAsync<ConfigurationException>(
            () => scope.NewCluster().EnsureStartedAsync(CancellationToken.None));

        error.Message.ShouldContain("strata-no-such-user does not exist");
    }

    private static async Task<string> OwnerOfProcessAsync(int pid)
    {
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        return status.Single(line => line.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];
    }

    private static Task<string> StatOwnerAsync(string path) => RunAsync("stat", "-c", "%u", path);

    private static Task<string> IdAsync(string flag, string user) => RunAsync("id", flag, user);

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
