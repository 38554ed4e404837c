using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary>`strata config`: the resolved connection and settings, where each came from, and why that source won.</summary>
internal static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "Show the resolved database and settings, where each came from and why that source won. Passwords are never shown.");
        return CommandAction.Set(command, async (run, _, cancellationToken) =>
        {
            await using var session = await run.OpenSessionAsync(cancellationToken);
            var connection = session.Connection;
            var rows = ConfigRows.Of(session);
            var settings = new JsonArray();
            foreach (var row in rows)
            {
                settings.Add((JsonNode)new JsonObject { ["name"] = row.Name, ["value"] = row.Value, ["origin"] = row.Origin });
            }

            var fields = new JsonObject
            {
                ["source"] = connection.Source.ToString(),
                ["sourceDescription"] = connection.SourceDescription,
                ["reason"] = connection.Reason,
                ["settings"] = settings,
            };
            run.Reporter.Result("config", $"database from {connection.SourceDescription}", fields, writer =>
            {
                var style = run.Reporter.Style;
                writer.WriteLine($"{style.Bold("Database from")} {connection.SourceDescription}");
                writer.WriteLine(style.Dim($"  why: {connection.Reason}"));
                writer.WriteLine();
                var table = new TextTable("SETTING", "VALUE", "FROM");
                foreach (var row in rows)
                {
                    table.Add([row.Name, row.Value, row.Origin]);
                }

                table.WriteTo(writer, style);
            });
            return ExitCodes.Success;
        });
    }
}
