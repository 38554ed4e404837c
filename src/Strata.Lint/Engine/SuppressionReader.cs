using System.Text.RegularExpressions;

namespace Strata.Lint.Engine;

/// <summary>
/// Finds <c>strata:lint-ignore</c> comments that belong to a statement: those between the previous statement's end
/// and its own end, so the comment may sit on the lines above it or inside it.
/// </summary>
internal static partial class SuppressionReader
{
    public static List<Suppression> Read(string text, int start, int end)
    {
        var suppressions = new List<Suppression>();
        if (end <= start || text.AsSpan(start, end - start).IndexOf("strata:lint-ignore", StringComparison.Ordinal) < 0)
        {
            return suppressions;
        }

        foreach (Match match in Comment().Matches(text[start..end]))
        {
            var rule = match.Groups["rule"];
            var reason = match.Groups["reason"];
            suppressions.Add(new Suppression(rule.Success ? rule.Value : null, reason.Success ? reason.Value.Trim() : null));
        }

        return suppressions;
    }

    [GeneratedRegex(@"--[ \t]*strata:lint-ignore(?:[ \t]+(?<rule>[^\s]+))?(?:[ \t]+(?<reason>[^\r\n]*[^\s][^\r\n]*))?", RegexOptions.CultureInvariant)]
    private static partial Regex Comment();
}
