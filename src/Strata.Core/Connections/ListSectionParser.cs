using System.Text.Json;

namespace Strata.Core.Connections;

/// <summary>Reads a top-level section of <c>strata.json</c> that holds one list of names: <c>{ "ignore": [...] }</c>.</summary>
internal static class ListSectionParser
{
    /// <summary>The list's entries, trimmed, in file order; empty when the section or its list is absent.</summary>
    /// <param name="top">The top level of the file.</param>
    /// <param name="section">The section's key, such as <c>drift</c>.</param>
    /// <param name="key">The list's key inside the section, its only key.</param>
    /// <param name="entry">What one entry is, for the error: "non-empty patterns".</param>
    /// <param name="example">An example list, for the error.</param>
    /// <param name="displayPath">The file as shown to people.</param>
    public static IReadOnlyList<string> Read(JsonObjectReader top, string section, string key, string entry, string example, string displayPath)
    {
        if (top.Get(section) is not { } element)
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw top.Error($"'{section}' must be a JSON object, such as {{ \"{key}\": {example} }}");
        }

        var reader = new JsonObjectReader(element, $"'{section}'", displayPath, [key]);
        if (reader.Get(key) is not { } list)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array
            || list.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString())))
        {
            throw reader.Error($"'{key}' in '{section}' must be a list of {entry}, such as {example}");
        }

        return [.. list.EnumerateArray().Select(p => p.GetString()!.Trim())];
    }
}
