using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.Commands;

public sealed class LocalCommandTests
{
    [Fact]
    public async Task Two_processes_starting_the_local_cluster_at_once_share_one_server()
    {
        using var work = new TempDirectory();
        var environment = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin" };

        var results = await Task.WhenAll(
            StrataProcess.RunAsync(work.Path, environment, "local", "url"),
            StrataProcess.RunAsync(work.Path, environment, "local", "url"));

        foreach (var result in results)
        {
            result.ExitCode.ShouldBe(0, result.ToString());
        }

        results[0].Stdout.Trim().ShouldBe(results[1].Stdout.Trim(), "both see the same server");
        var log = await File.ReadAllTextAsync(Path.Combine(work.Path, ".strata", "postgres", "postgres.log"));
        System.Text.RegularExpressions.Regex.Matches(log, "database system is ready to accept connections").Count.ShouldBe(1);
        (await new CliHarness(work.Path).RunAsync("local", "destroy", "--yes")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Local_cluster_starts_reports_its_url_stops_and_is_destroyed()
    {
        using var work = new TempDirectory();
        var cli = new CliHarness(work.Path);

        var start = await cli.RunAsync("local", "start");
        start.ExitCode.ShouldBe(0, start.ToString());
        start.Stdout.ShouldContain("running");

        var url = await cli.RunAsync("local", "url");
        url.ExitCode.ShouldBe(0, url.ToString());
        url.Stdout.Trim().ShouldMatch(@"^postgres://postgres@127\.0\.0\.1:\d+/strata_dev$");

        var named = await cli.With("DATABASE_URL", url.Stdout.Trim().Replace("/strata_dev", "/pb_shop_dev", StringComparison.Ordinal)).RunAsync("local", "url");
        named.ExitCode.ShouldBe(0, named.ToString());
        named.Stdout.Trim().ShouldEndWith("/pb_shop_dev");
        var remote = await cli.With("DATABASE_URL", "postgres://app@db.example.invalid:5432/app").RunAsync("local", "url");
        remote.ExitCode.ShouldBe(2, remote.ToString());
        remote.Stderr.ShouldContain("which is not on the local PostgreSQL");
        cli = new CliHarness(work.Path);

        var again = await cli.RunAsync("local", "start");
        again.ExitCode.ShouldBe(0, "starting a running cluster is a no-op");

        var stop = await cli.RunAsync("local", "stop");
        stop.ExitCode.ShouldBe(0, stop.ToString());
        (await cli.RunAsync("local", "status")).Stdout.ShouldContain("stopped");

        var refused = await cli.RunAsync("local", "destroy");
        refused.ExitCode.ShouldBe(2, "without a terminal and without --yes nothing is deleted");
        Directory.Exists(Path.Combine(work.Path, ".strata", "postgres", "data")).ShouldBeTrue();

        var destroy = await cli.RunAsync("local", "destroy", "--yes");
        destroy.ExitCode.ShouldBe(0, destroy.ToString());
        Directory.Exists(Path.Combine(work.Path, ".strata", "postgres", "data")).ShouldBeFalse();
        (await cli.RunAsync("local", "status")).Stdout.ShouldContain("not created");
    }
}
