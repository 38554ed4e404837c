using System.Text.Json;

namespace Strata.Core.Connections;

/// <summary>Reads the <c>drift</c> section of <c>strata.json</c>: <c>{ "ignore": ["extension *", "public.legacy_*"] }</c>.</summary>
internal static class DriftSectionParser
{
    private static readonly string[] Keys = ["ignore"];

    /// <summary>The ignore patterns, in file order; empty when the section or its list is absent.</summary>
    public static IReadOnlyList<string> Ignore(JsonObjectReader top, string displayPath)
    {
        if (top.Get("drift") is not { } section)
        {
            return [];
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw top.Error("'drift' must be a JSON object, such as { \"ignore\": [\"extension *\"] }");
        }

        var drift = new JsonObjectReader(section, "'drift'", displayPath, Keys);
        if (drift.Get("ignore") is not { } list)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array
            || list.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString())))
        {
            throw drift.Error("'ignore' in 'drift' must be a list of non-empty patterns, such as [\"extension *\", \"public.legacy_*\"]");
        }

        return [.. list.EnumerateArray().Select(p => p.GetString()!.Trim())];
    }
}
