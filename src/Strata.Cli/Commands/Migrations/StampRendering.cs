using Strata.Core.History;

namespace Strata.Cli.Commands.Migrations;

/// <summary>Output of the commands that record or remove history rows without running migrations.</summary>
internal static class StampRendering
{
    public static void Report(CommandRun run, string eventName, StampResult result)
    {
        var fields = new JsonObject
        {
            ["recorded"] = MigrationJson.Versions(result.Recorded),
            ["removed"] = MigrationJson.Versions(result.Removed),
            ["alreadyRecorded"] = MigrationJson.Versions(result.AlreadyRecorded),
        };
        var parts = new List<string>();
        if (result.Recorded.Count > 0)
        {
            parts.Add($"recorded {string.Join(", ", result.Recorded)} as applied without running");
        }

        if (result.Removed.Count > 0)
        {
            parts.Add($"removed {string.Join(", ", result.Removed)} from the history without running its down section");
        }

        if (result.AlreadyRecorded.Count > 0)
        {
            parts.Add($"{string.Join(", ", result.AlreadyRecorded)} already recorded");
        }

        var message = parts.Count == 0 ? "nothing to record" : string.Join("; ", parts);
        run.Reporter.Result(eventName, message, fields);
    }
}
