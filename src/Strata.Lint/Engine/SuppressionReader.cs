using System.Text.RegularExpressions;
using Strata.Core.Sql;

namespace Strata.Lint.Engine;

/// <summary>
/// Finds the <c>strata:lint-ignore</c> comments of a migration and gives each to one statement: a comment inside a
/// statement is that statement's; one that starts on the line where a statement ends, after it, is that statement's
/// (<c>ALTER ...; -- strata:lint-ignore ...</c>); any other belongs to the next statement. Only real comments count,
/// line or block, never text inside a string literal.
/// </summary>
internal static partial class SuppressionReader
{
    /// <summary>The suppressions of each statement of <paramref name="unit"/>, by its index.</summary>
    public static List<Suppression>[] Read(LintUnit unit)
    {
        var statements = unit.Statements;
        var byStatement = new List<Suppression>[statements.Count];
        for (var i = 0; i < byStatement.Length; i++)
        {
            byStatement[i] = [];
        }

        if (statements.Count == 0 || unit.Sql.IndexOf("strata:lint-ignore", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return byStatement;
        }

        foreach (var comment in SqlComments.Read(unit.Sql))
        {
            var match = Marker().Match(comment.Body);
            if (match.Success && Owner(unit.Sql, statements, comment.Start) is { } owner)
            {
                var rule = match.Groups["rule"];
                var reason = match.Groups["reason"];
                byStatement[owner].Add(new Suppression(rule.Success ? rule.Value : null, reason.Success ? reason.Value.Trim() : null));
            }
        }

        return byStatement;
    }

    // The statement a comment starting at `position` belongs to, or null after the last statement's line.
    private static int? Owner(string sql, IReadOnlyList<SqlStatement> statements, int position)
    {
        var next = 0;
        while (next < statements.Count && statements[next].Offset < position)
        {
            next++;
        }

        if (next > 0)
        {
            var previous = statements[next - 1];
            var previousEnd = previous.Offset + previous.Text.Length;
            if (position < previousEnd || sql.AsSpan(previousEnd, position - previousEnd).IndexOfAny('\r', '\n') < 0)
            {
                return next - 1;
            }
        }

        return next < statements.Count ? next : null;
    }

    // The marker opens the comment; the rule id follows, then the reason up to the end of its line.
    [GeneratedRegex(@"^\s*strata:lint-ignore(?:[ \t]+(?<rule>[^\s]+))?(?:[ \t]+(?<reason>[^\r\n]*[^\s][^\r\n]*))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Marker();
}
