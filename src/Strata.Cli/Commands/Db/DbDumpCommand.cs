using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db dump`: writes the schema and the migration history to a deterministic file.</summary>
internal static class DbDumpCommand
{
    public static Command Create() => CommandAction.SetLifecycle(
        DbCommand.SchemaFileCommand(
            "dump",
            "Write the schema (pg_dump --schema-only) and the migration history rows to db/schema.sql: the same database always gives the same bytes.",
            "write"),
        async (run, parse, lifecycle, cancellationToken) =>
        {
            var result = await lifecycle.DumpAsync(new DumpOptions { File = run.Settings.SchemaFile.Value }, cancellationToken);
            var shown = DbCommand.Display(run, result.File);
            var message = result.Changed
                ? $"wrote the schema of '{result.Database}' to {shown} ({result.HistoryRows} history rows)"
                : $"{shown} is up to date with '{result.Database}' ({result.HistoryRows} history rows)";
            var fields = new JsonObject
            {
                ["database"] = result.Database,
                ["file"] = shown,
                ["bytes"] = result.Bytes,
                ["changed"] = result.Changed,
                ["historyRows"] = result.HistoryRows,
                ["pgDump"] = result.PgDump,
                ["pgDumpVersion"] = result.PgDumpVersion,
                ["serverVersion"] = result.ServerVersion,
            };
            run.Reporter.Result("db.dumped", message, fields);
            return ExitCodes.Success;
        });
}
