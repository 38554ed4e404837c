namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata redo`: revert the newest migration and apply it again, to test its down section while writing it.</summary>
internal static class RedoCommand
{
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
            RunRendering.Report(run, "redo.down", result.Down);
            RunRendering.Report(run, "redo.up", result.Up);
            return ExitCodes.Success;
        });
    }
}
