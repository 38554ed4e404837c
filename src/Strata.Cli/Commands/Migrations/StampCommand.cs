namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata stamp VERSION [--remove]`: record (or un-record) one migration without running it.</summary>
internal static class StampCommand
{
    public static Command Create()
    {
        var version = VersionArgument.Create("The migration to record as applied (it must exist on disk).");
        var remove = new Option<bool>("--remove") { Description = "Remove the migration's history row instead, without running its down section." };
        var command = new Command("stamp", "Record a migration as applied without running it (it was applied by hand), or with --remove forget it.") { version, remove };
        EngineFlags.AddRecordFlags(command);
        WaitFlags.AddTo(command);
        SchemaDumpFlags.AddTo(command);
        return CommandAction.SetMigrator(command, async (run, parse, session, migrator, cancellationToken) =>
        {
            var target = VersionArgument.Read(parse, version);
            SchemaDumpFlags.CheckBeforeRun(run, parse);
            var result = parse.GetValue(remove)
                ? await migrator.UnstampAsync(target, cancellationToken)
                : await migrator.StampAsync(target, cancellationToken);
            StampRendering.Report(run, "stamp", result);
            await SchemaDumpFlags.DumpIfAskedAsync(run, parse, session, cancellationToken);
            return ExitCodes.Success;
        });
    }
}
