namespace Strata.Cli.Commands.Db;

/// <summary>`strata db drop`: drops the database, never on a protected environment.</summary>
internal static class DbDropCommand
{
    private static readonly DropFlags Drop = new();

    public static Command Create() => CommandAction.SetLifecycle(
        new Command(
            "drop",
            "Drop the database if it exists. Refused on protected environments, whatever the flags; asks for confirmation on a terminal.")
        {
            Drop.Yes, Drop.Force,
        },
        async (run, parse, lifecycle, cancellationToken) =>
        {
            var result = await lifecycle.DropAsync(Drop.Read(run, parse), cancellationToken);
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
}
