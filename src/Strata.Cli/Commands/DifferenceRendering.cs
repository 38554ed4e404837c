using Strata.Core.Schema;

namespace Strata.Cli.Commands;

/// <summary>Schema differences as text (one line per object) and as JSON.</summary>
internal static class DifferenceRendering
{
    public static void Report(CommandRun run, string eventName, SchemaComparison comparison, string? equalMessage)
    {
        var message = comparison.AreEqual ? equalMessage ?? "no differences" : Count(comparison);
        var fields = new JsonObject { ["equal"] = comparison.AreEqual, ["differences"] = Json(comparison) };
        run.Reporter.Result(eventName, message, fields, writer =>
        {
            foreach (var difference in comparison.Differences)
            {
                writer.WriteLine(difference.ToString());
            }

            writer.WriteLine(message);
        });
    }

    /// <summary>How many objects differ, in words: <c>1 object differs</c>.</summary>
    public static string Count(SchemaComparison comparison) =>
        comparison.Differences.Count == 1 ? "1 object differs" : $"{comparison.Differences.Count} objects differ";

    public static JsonArray Json(SchemaComparison comparison)
    {
        var array = new JsonArray();
        foreach (var difference in comparison.Differences)
        {
            var attributes = new JsonArray();
            foreach (var attribute in difference.Attributes)
            {
                attributes.Add((JsonNode)new JsonObject { ["name"] = attribute.Name, ["before"] = attribute.Before, ["after"] = attribute.After });
            }

            array.Add((JsonNode)new JsonObject
            {
                ["kind"] = difference.Kind,
                ["name"] = difference.Name,
                ["change"] = difference.Change.ToString().ToLowerInvariant(),
                ["attributes"] = attributes,
            });
        }

        return array;
    }
}
