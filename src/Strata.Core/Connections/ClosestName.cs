namespace Strata.Core.Connections;

/// <summary>
/// "Did you mean": the known name a mistyped one was most likely meant to be, by edit distance (a swap of two
/// neighbouring letters counts as one edit), or by prefix for a name cut short.
/// </summary>
internal static class ClosestName
{
    /// <summary>The closest of <paramref name="known"/> to <paramref name="typed"/>, or null when none is close enough to suggest.</summary>
    public static string? Find(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (string.Equals(candidate, typed, StringComparison.Ordinal))
            {
                continue;
            }

            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            var cutShort = typed.Length >= 3 && candidate.StartsWith(typed, StringComparison.OrdinalIgnoreCase);
            if ((distance <= Allowed(candidate) || cutShort) && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    // One edit for short names, about one in three for longer ones: "stagin" finds "staging", "xyz" finds nothing.
    private static int Allowed(string candidate) => Math.Max(1, candidate.TrimStart('-').Length / 3);

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
