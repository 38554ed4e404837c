using Strata.Cli.Commands.Migrations;
using Strata.Core.Errors;
using Strata.Core.Schema;

namespace Strata.Cli.Commands;

/// <summary>`strata drift`: compares the live schema with the one its applied migrations produce.</summary>
internal static class DriftCommand
{
    public static Command Create()
    {
        var ignore = new Option<string[]>("--ignore")
        {
            Description = "Leave out objects managed outside migrations: a glob over the name or the kind and name, e.g. 'extension *' or 'public.legacy_*'. Repeatable; added to drift.ignore in strata.json.",
            HelpName = "pattern",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command(
            "drift",
            $"Compare the database with the schema its applied migrations produce on a scratch database, and list what was changed by hand; exit {ExitCodes.ValidationFailed} when anything was. Only reads the database.")
        {
            ignore, ScratchFlag.Option,
        };
        command.Options.Add(EngineFlags.HistoryTable);
        return CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            var ignored = DriftRun.Ignored(parse.GetValue(ignore));
            await using var session = await run.OpenSessionAsync(cancellationToken);
            var options = DriftRun.Options(run, session, ignored);
            var target = await session.DataSourceAsync(cancellationToken);
            var server = await ScratchFlag.OpenAsync(run, cancellationToken);
            var result = await new DriftDetector(server, run.LoggerFactory.CreateLogger("Strata.Drift")).DetectAsync(target, options, cancellationToken);
            DifferenceRendering.Report(
                run, "drift", result.Comparison, $"no drift: the schema is what its {result.AppliedMigrations} applied migration(s) produce");
            // Like every other failing command, the run ends with its error (the last JSON event, an annotation under github).
            return result.HasDrift
                ? throw new ValidationFailedException(
                    $"drift: {DifferenceRendering.Count(result.Comparison)} from the schema its {result.AppliedMigrations} applied migration(s) produce, changed outside migrations")
                : ExitCodes.Success;
        });
    }
}
