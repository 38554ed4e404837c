using Strata.Cli.Commands.Migrations;
using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db reset`: drop + setup, never on a protected environment.</summary>
internal static class DbResetCommand
{
    public static Command Create()
    {
        var drop = new DropFlags();
        var seedsDir = DbCommand.SeedsDirOption();
        var skipSeed = DbSetupCommand.SkipSeedOption();
        var command = new Command(
            "reset",
            "Drop the database and set it up again (create, migrate, seed). Refused on protected environments, whatever the flags.")
        {
            drop.Yes, drop.Force, seedsDir, skipSeed,
        };
        EngineFlags.AddRunFlags(command, appliesPending: true);
        return CommandAction.SetLifecycle(command, async (run, parse, lifecycle, cancellationToken) =>
        {
            var dropping = drop.Read(run, parse);
            var options = new ResetOptions
            {
                Force = dropping.Force,
                Confirm = dropping.Confirm,
                Setup = new SetupOptions { SkipSeed = parse.GetValue(skipSeed), SeedsDirectory = run.Settings.SeedsDirectory.Value },
            };
            var result = await lifecycle.ResetAsync(options, cancellationToken);
            var fields = DbSetupCommand.Json(run, result.Setup);
            fields["dropped"] = result.Drop.Dropped;
            fields["sessionsEnded"] = result.Drop.SessionsEnded;
            var dropped = result.Drop.Dropped ? $"dropped database '{result.Drop.Database}'" : $"database '{result.Drop.Database}' did not exist";
            DbSetupCommand.Report(run, "db.reset", result.Setup, fields, dropped);
            return ExitCodes.Success;
        });
    }
}
