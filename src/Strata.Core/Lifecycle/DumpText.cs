using System.Text;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>
/// Makes pg_dump's plain output stable: the lines that change between runs of the same database (the server and
/// pg_dump versions, timestamps, and the random key of <c>\restrict</c>/<c>\unrestrict</c>) are removed, and the file
/// ends with exactly one newline. Those lines are only looked for in pg_dump's own header, before its first statement,
/// and footer, after its last: the statements are kept byte for byte, as text in them (a literal, a default, a
/// function body) may hold anything, such lines and carriage returns included.
/// </summary>
internal static class DumpText
{
    // pg_dump ends its plain output with this comment, after every statement (and before \unrestrict).
    private const string Footer = "--\n-- PostgreSQL database dump complete\n";

    private static readonly string[] VaryingComments =
    [
        "-- Dumped from database version",
        "-- Dumped by pg_dump version",
        "-- Started on",
        "-- Completed on",
    ];

    public static string Normalize(string pgDumpOutput)
    {
        var text = WrittenInTextMode(pgDumpOutput) ? pgDumpOutput.Replace("\r\n", "\n", StringComparison.Ordinal) : pgDumpOutput;
        var bodyStart = HeaderLength(text);
        var footerStart = FooterStart(text, bodyStart);
        var normalized = WithoutVaryingLines(text[..bodyStart]) + text[bodyStart..footerStart] + WithoutVaryingLines(text[footerStart..]);
        return normalized.TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// Adds <c>VERSION</c> to the <c>CREATE EXTENSION</c> lines of <paramref name="pinned"/> (each line as pg_dump
    /// writes it, with the version as a literal); other lines stay as they are.
    /// </summary>
    public static string WithExtensionVersions(string dump, IReadOnlyDictionary<string, string> pinned)
    {
        if (pinned.Count == 0)
        {
            return dump;
        }

        var lines = dump.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (pinned.TryGetValue(lines[i], out var version))
            {
                lines[i] = $"{lines[i][..^1]} VERSION {version};";
            }
        }

        return string.Join('\n', lines);
    }

    // A stream opened in text mode on Windows writes every LF as CRLF, inside literals too: undoing exactly that
    // gives back what pg_dump wrote. pg_dump's first line is "--", so its ending tells how the stream was written.
    private static bool WrittenInTextMode(string output) => output.StartsWith("--\r\n", StringComparison.Ordinal);

    // The comments, blank lines and \restrict line before the first statement.
    private static int HeaderLength(string text)
    {
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var line = text.AsSpan(position, (end < 0 ? text.Length : end) - position);
            if (!line.IsWhiteSpace() && !line.StartsWith("--", StringComparison.Ordinal) && !PgDumpRestrict.IsLine(line))
            {
                break;
            }

            position = end < 0 ? text.Length : end + 1;
        }

        return position;
    }

    // Where pg_dump's closing comment starts; the end of the text when it has none.
    private static int FooterStart(string text, int bodyStart)
    {
        var footer = text.LastIndexOf(Footer, StringComparison.Ordinal);
        return footer >= bodyStart && (footer == 0 || text[footer - 1] == '\n') ? footer : text.Length;
    }

    private static string WithoutVaryingLines(string part)
    {
        if (part.Length == 0)
        {
            return part;
        }

        var kept = new StringBuilder(part.Length);
        foreach (var line in part.Split('\n'))
        {
            if (!IsVarying(line))
            {
                kept.Append(line).Append('\n');
            }
        }

        return CollapseBlankRuns(kept.ToString(0, kept.Length - 1));
    }

    private static bool IsVarying(string line) =>
        PgDumpRestrict.IsLine(line) || VaryingComments.Any(prefix => line.StartsWith(prefix, StringComparison.Ordinal));

    // Removing a line can leave two blank lines where pg_dump wrote one.
    private static string CollapseBlankRuns(string text)
    {
        while (text.Contains("\n\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n\n", "\n\n\n", StringComparison.Ordinal);
        }

        return text;
    }
}
