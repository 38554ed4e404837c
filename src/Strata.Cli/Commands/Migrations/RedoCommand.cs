namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata redo`: revert the newest migration and apply it again, to test its down section while writing it.</summary>
internal static class RedoCommand
{
    private const string NothingApplied = "nothing to redo: no migration is applied";

    public static Command Create()
    {
        var yes = DownCommand.ProtectedYesOption();
        var command = new Command("redo", "Revert the newest applied migration and apply it again.") { yes };
        EngineFlags.AddRunFlags(command, appliesPending: false);
        WaitFlags.AddTo(command);
        return CommandAction.SetMigrator(command, async (run, parse, session, migrator, cancellationToken) =>
        {
            DownCommand.ConfirmOnProtected(run, session, parse.GetValue(yes), "redo a migration");
            var result = await migrator.RedoAsync(cancellationToken);
            if (result.Down.Migrations.Count == 0)
            {
                // Not "up to date": migrations may well be pending; redo only ever re-runs an applied one.
                RunRendering.Report(run, "redo.down", result.Down, NothingApplied);
                if (run.Reporter.IsJson)
                {
                    RunRendering.Report(run, "redo.up", result.Up, NothingApplied);
                }

                return ExitCodes.Success;
            }

            RunRendering.Report(run, "redo.down", result.Down);
            RunRendering.Report(run, "redo.up", result.Up);
            return ExitCodes.Success;
        });
    }
}
