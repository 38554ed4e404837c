using Strata.Cli.Commands.Report;
using Strata.Cli.Hosting;
using Strata.Core.Configuration;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Report;

/// <summary>Gathers a report model the way `strata report` does: settings, a session, one call.</summary>
internal static class ReportRuns
{
    public static async Task<MigrationReport> GatherAsync(MixedStatesScenario scenario, TestDatabase scratch, bool dynamic)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = await new StrataSettingsBuilder(scenario.Root, environment)
            .Set(SettingCatalog.DatabaseUrl, scenario.Database.Url, "--database-url")
            .Set(SettingCatalog.ScratchUrl, scratch.Url, "--scratch-url")
            .Set(SettingCatalog.LintDynamic, dynamic ? "true" : "false", "--dynamic")
            .BuildAsync();
        var context = new CliContext(TextWriter.Null, TextWriter.Null, environment, scenario.Root, false, false);
        using var run = new CommandRun(context, settings, OutputPreferences.From(settings, context));
        await using var session = await run.OpenSessionAsync(CancellationToken.None);
        return await ReportGatherer.GatherAsync(run, session, CancellationToken.None);
    }
}
