using Strata.Cli.Output;

namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata history`: the history table's rows in the order they were applied.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var command = new Command("history", "Show the history table: what was applied, when, by whom, how, and how long it took.");
        EngineFlags.AddHistoryFlag(command);
        return CommandAction.SetMigrator(command, async (run, parse, _, migrator, cancellationToken) =>
        {
            ShortRun.SkipCollections();
            var history = await migrator.HistoryAsync(cancellationToken);
            var fields = new JsonObject
            {
                ["historyTable"] = history.Table.ToString(),
                ["historyTableExists"] = history.TableExists,
                ["records"] = new JsonArray([.. history.Records.Select(MigrationJson.History)]),
            };
            var message = $"{history.Records.Count} rows in {history.Table}";
            run.Reporter.Result("history", message, fields, writer =>
            {
                if (!history.TableExists)
                {
                    writer.WriteLine($"no history table {history.Table} yet: nothing has been applied");
                    return;
                }

                var table = new TextTable("VERSION", "DESCRIPTION", "STATUS", "HOW", "APPLIED AT", "BY", "TIME");
                foreach (var record in history.Records)
                {
                    var json = MigrationJson.History(record);
                    table.Add([
                        record.Version.Value, record.Description, (string)json["status"]!, (string)json["origin"]!,
                        MigrationJson.Timestamp(record.AppliedAt), record.AppliedBy,
                        record.ExecutionTime is { } time ? DurationText.Format(time) : "-",
                    ]);
                }

                table.WriteTo(writer, run.Reporter.Style);
            });
            return ExitCodes.Success;
        });
    }
}
