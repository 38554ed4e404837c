using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db load`: loads a schema file into a database without tables.</summary>
internal static class DbLoadCommand
{
    public static Command Create() => CommandAction.SetLifecycle(
        DbCommand.SchemaFileCommand(
            "load",
            "Load a schema file written by db dump into a database that has no tables yet, in one transaction.",
            "load"),
        async (run, parse, lifecycle, cancellationToken) =>
        {
            var result = await lifecycle.LoadAsync(new LoadOptions { File = run.Settings.SchemaFile.Value }, cancellationToken);
            var shown = DbCommand.Display(run, result.File);
            var version = result.MigrationVersion is { } v ? $"; migration version {v}" : "; no migration history";
            if (result.OtherHistoryTable is { } other)
            {
                version += $" in {other}, not the history table in use: give --history-table {other} to the commands run on this database";
            }

            var message = $"loaded {shown} into '{result.Database}' ({result.Statements} statements{version})";
            var fields = new JsonObject
            {
                ["database"] = result.Database,
                ["file"] = shown,
                ["statements"] = result.Statements,
                ["migrationVersion"] = result.MigrationVersion,
                ["historyTable"] = result.OtherHistoryTable?.ToString(),
            };
            run.Reporter.Result("db.loaded", message, fields);
            return ExitCodes.Success;
        });
}
