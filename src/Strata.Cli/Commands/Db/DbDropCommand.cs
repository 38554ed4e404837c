using System.CommandLine;
using System.Text.Json.Nodes;
using Strata.Cli.Hosting;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db drop`: drops the database, never on a protected environment.</summary>
internal static class DbDropCommand
{
    public static Command Create()
    {
        var drop = new DropFlags();
        var command = new Command(
            "drop",
            "Drop the database if it exists. Refused on protected environments, whatever the flags; asks for confirmation on a terminal.")
        {
            drop.Yes, drop.Force,
        };
        CommandAction.SetLifecycle(command, async (run, parse, lifecycle, cancellationToken) =>
        {
            var result = await lifecycle.DropAsync(drop.Read(run, parse), cancellationToken);
            var ended = result.SessionsEnded > 0 ? $" after ending {result.SessionsEnded} other session(s)" : string.Empty;
            var message = result.Dropped
                ? $"dropped database '{result.Database}' on {result.Server}{ended}"
                : $"database '{result.Database}' does not exist on {result.Server}; nothing to drop";
            var fields = new JsonObject
            {
                ["database"] = result.Database,
                ["server"] = result.Server,
                ["dropped"] = result.Dropped,
                ["sessionsEnded"] = result.SessionsEnded,
            };
            run.Reporter.Result("db.dropped", message, fields);
            return ExitCodes.Success;
        });
        return command;
    }
}
