using System.Globalization;
using Strata.Cli.Output;
using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db sessions`: who is connected, what they run, and who blocks whom.</summary>
internal static class DbSessionsCommand
{
    private static readonly Option<bool> AllDatabases = new("--all-databases") { Description = "List the sessions of every database on the server, not only this database's." };

    public static Command Create() => CommandAction.SetLifecycle(
        new Command(
            "sessions",
            "List the sessions connected to the database: pid, user, client, application, state, wait, transaction age and query; marks sessions that block others.")
        {
            AllDatabases,
        },
        async (run, parse, lifecycle, cancellationToken) =>
        {
            var result = await lifecycle.SessionsAsync(new SessionsOptions { AllDatabases = parse.GetValue(AllDatabases) }, cancellationToken);
            var blocked = result.Sessions.Count(s => s.BlockedBy.Count > 0);
            var scope = result.AllDatabases ? $"the server {result.Server}" : $"database '{result.Database}'";
            var message = $"{result.Sessions.Count} other session(s) on {scope}" + (blocked > 0 ? $", {blocked} blocked" : string.Empty);
            var fields = new JsonObject
            {
                ["database"] = result.Database,
                ["server"] = result.Server,
                ["allDatabases"] = result.AllDatabases,
                ["sessions"] = new JsonArray([.. result.Sessions.Select(Json)]),
            };
            run.Reporter.Result("db.sessions", message, fields, writer => Render(writer, run.Reporter.Style, result, message));
            return ExitCodes.Success;
        });

    private static JsonNode Json(DatabaseSession s) => new JsonObject
    {
        ["pid"] = s.Pid,
        ["user"] = s.User,
        ["database"] = s.Database,
        ["clientAddress"] = s.ClientAddress,
        ["application"] = s.Application,
        ["state"] = s.State,
        ["waitEvent"] = s.WaitEvent,
        ["transactionAgeMs"] = s.TransactionAge is { } age ? (long)age.TotalMilliseconds : null,
        ["queryStart"] = s.QueryStart?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["query"] = s.Query,
        ["blockedBy"] = new JsonArray([.. s.BlockedBy.Select(p => (JsonNode)p)]),
        ["blocking"] = s.IsBlocking,
    };

    private static void Render(TextWriter writer, Style style, SessionsResult result, string message)
    {
        var table = new TextTable("PID", "USER", "DATABASE", "CLIENT", "APPLICATION", "STATE", "WAIT", "XACT AGE", "QUERY START", "LOCKS", "QUERY");
        foreach (var s in result.Sessions)
        {
            var locks = s.BlockedBy.Count > 0
                ? "blocked by " + string.Join(",", s.BlockedBy)
                : s.IsBlocking ? "BLOCKING" : string.Empty;
            table.Add(
                [
                    s.Pid.ToString(CultureInfo.InvariantCulture), s.User ?? "-", s.Database ?? "-", s.ClientAddress ?? "local", s.Application ?? "",
                    s.State ?? "-", s.WaitEvent ?? "", s.TransactionAge is { } age ? DurationText.Format(age) : "",
                    s.QueryStart?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "", locks, s.Query ?? "",
                ],
                paintedColumn: 9,
                text => text.Trim().Length == 0 ? text : s.IsBlocking ? style.Red(text) : style.Yellow(text));
        }

        if (table.Count > 0)
        {
            table.WriteTo(writer, style);
        }

        writer.WriteLine(message);
    }
}
