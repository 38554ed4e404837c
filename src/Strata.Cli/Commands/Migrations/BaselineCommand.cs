namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata baseline VERSION`: adopt an existing database by recording every migration up to VERSION.</summary>
internal static class BaselineCommand
{
    public static Command Create()
    {
        var version = VersionArgument.Create("The newest migration the existing schema already contains.");
        var command = new Command("baseline", "Adopt an existing database: record every migration up to VERSION as applied without running them (the history must be empty).") { version };
        EngineFlags.AddRecordFlags(command);
        return CommandAction.SetMigrator(command, async (run, parse, _, migrator, cancellationToken) =>
        {
            var result = await migrator.BaselineAsync(VersionArgument.Read(parse, version), cancellationToken);
            StampRendering.Report(run, "baseline", result);
            return ExitCodes.Success;
        });
    }
}
