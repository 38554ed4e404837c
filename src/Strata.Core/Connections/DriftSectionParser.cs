namespace Strata.Core.Connections;

/// <summary>Reads the <c>drift</c> section of <c>strata.json</c>: <c>{ "ignore": ["extension *", "public.legacy_*"] }</c>.</summary>
internal static class DriftSectionParser
{
    /// <summary>The ignore patterns, in file order; empty when the section or its list is absent.</summary>
    public static IReadOnlyList<string> Ignore(JsonObjectReader top, string displayPath) =>
        ListSectionParser.Read(top, "drift", "ignore", "non-empty patterns", "[\"extension *\", \"public.legacy_*\"]", displayPath);
}
