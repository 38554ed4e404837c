using System.Text;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>
/// Makes pg_dump's plain output stable: the lines that change between runs of the same database (the server and
/// pg_dump versions, timestamps, and the random key of <c>\restrict</c>/<c>\unrestrict</c>) are removed, line endings
/// become LF, and the file ends with exactly one newline.
/// </summary>
internal static class DumpText
{
    private static readonly string[] VaryingComments =
    [
        "-- Dumped from database version",
        "-- Dumped by pg_dump version",
        "-- Started on",
        "-- Completed on",
    ];

    public static string Normalize(string pgDumpOutput)
    {
        var text = new StringBuilder(pgDumpOutput.Length);
        foreach (var line in pgDumpOutput.ReplaceLineEndings("\n").Split('\n'))
        {
            if (!IsVarying(line))
            {
                text.Append(line).Append('\n');
            }
        }

        return CollapseBlankRuns(text.ToString()).TrimEnd('\n') + "\n";
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
