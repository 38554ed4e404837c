using System.Globalization;
using Strata.Cli;
using Strata.Cli.Hosting;
using Strata.Testing;

namespace Strata.Report.Tests;

/// <summary>Writes the HTML report of a <see cref="MixedStatesScenario"/> with `strata report`, run in-process.</summary>
internal static class ReportPage
{
    public static async Task<string> WriteAsync(MixedStatesScenario scenario, TestDatabase scratch, string path)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "PATH", "HOME" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var context = new CliContext(stdout, stderr, environment, scenario.Root, false, false) { ReadLine = () => null };
        var exitCode = await StrataCli.RunAsync(
            ["report", "--dynamic", "--out", path, "--database-url", scenario.Database.Url, "--scratch-url", scratch.Url], context, CancellationToken.None);
        exitCode.ShouldBe(0, $"strata report failed:\n{stdout}\n{stderr}");
        return path;
    }
}
