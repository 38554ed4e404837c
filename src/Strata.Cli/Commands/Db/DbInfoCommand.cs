using System.Globalization;
using Strata.Cli.Commands.Migrations;
using Strata.Cli.Output;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db info`: server version, size, tables and migration version of the database.</summary>
internal static class DbInfoCommand
{
    public static Command Create() => CommandAction.SetLifecycle(
        new Command("info", "Show the server version, database size, number of tables and current migration version.") { EngineFlags.HistoryTable },
        async (run, parse, lifecycle, cancellationToken) =>
        {
            var info = await lifecycle.InfoAsync(cancellationToken);
            var migration = info.MigrationVersion
                ?? (info.HistoryTableExists ? "none applied" : $"no history table ({info.HistoryTable})");
            var fields = new JsonObject
            {
                ["database"] = info.Database,
                ["server"] = info.Server,
                ["serverVersion"] = info.ServerVersion,
                ["sizeBytes"] = info.SizeBytes,
                ["size"] = info.Size,
                ["tables"] = info.Tables,
                ["historyTable"] = info.HistoryTable,
                ["historyTableExists"] = info.HistoryTableExists,
                ["migrationVersion"] = info.MigrationVersion,
                ["appliedMigrations"] = info.AppliedMigrations,
            };
            run.Reporter.Result("db.info", $"database '{info.Database}' on {info.Server}", fields, writer =>
            {
                var table = new TextTable("", "");
                table.Add(["database", info.Database]);
                table.Add(["server", info.Server]);
                table.Add(["version", $"PostgreSQL {info.ServerVersion}"]);
                table.Add(["size", info.Size]);
                table.Add(["tables", info.Tables.ToString(CultureInfo.InvariantCulture)]);
                table.Add(["migration", migration]);
                table.Add(["applied", info.AppliedMigrations.ToString(CultureInfo.InvariantCulture)]);
                table.WriteTo(writer, run.Reporter.Style);
            });
            return ExitCodes.Success;
        });
}
