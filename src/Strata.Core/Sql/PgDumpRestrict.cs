namespace Strata.Core.Sql;

/// <summary>
/// The psql meta-commands pg_dump wraps its output in since 17.6, 16.10, 15.14, 14.19 and 13.22: <c>\restrict KEY</c>
/// at the top and <c>\unrestrict KEY</c> at the end. They only stop psql from running other meta-commands, which
/// Strata never runs, and their key is random.
/// </summary>
internal static class PgDumpRestrict
{
    /// <summary>Whether <paramref name="line"/>, read from its first character, is one of those lines.</summary>
    public static bool IsLine(ReadOnlySpan<char> line) =>
        line.StartsWith("\\restrict ", StringComparison.Ordinal) || line.StartsWith("\\unrestrict ", StringComparison.Ordinal);
}
