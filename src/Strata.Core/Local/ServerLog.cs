using System.Text;
using System.Text.RegularExpressions;
using Strata.Core.Secrets;

namespace Strata.Core.Local;

/// <summary>Turns what the server logged during a failed start into the one line an error message can carry.</summary>
internal static partial class ServerLog
{
    private const int MaxSummaryLength = 400;

    /// <summary>The log's current length, so a later summary reads only what one start attempt wrote.</summary>
    public static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>Reads what was appended to the log after <paramref name="offset"/>.</summary>
    public static async Task<string> ReadFromAsync(string path, long offset, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>
    /// The last FATAL or PANIC line (with its HINT, if any) without the timestamp prefix, else the last error, else
    /// the last non-empty line of <paramref name="fallback"/>; redacted, on one line.
    /// </summary>
    public static string Summarize(string logText, string fallback)
    {
        var lines = logText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var index = LastIndex(lines, StringComparison.Ordinal, "FATAL:", "PANIC:");
        if (index < 0)
        {
            // The server's "ERROR:", or a client program's "initdb: error:".
            index = LastIndex(lines, StringComparison.OrdinalIgnoreCase, "error:");
        }

        string summary;
        if (index >= 0)
        {
            summary = FromSeverity(lines[index]);
            if (index + 1 < lines.Length && lines[index + 1].Contains("HINT:", StringComparison.Ordinal))
            {
                summary += " " + FromSeverity(lines[index + 1]);
            }
        }
        else
        {
            summary = fallback.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .LastOrDefault() ?? "no output";
        }

        summary = Whitespace().Replace(SecretRedactor.Redact(summary), " ").Trim();
        return summary.Length <= MaxSummaryLength ? summary : summary[..MaxSummaryLength] + "…";
    }

    private static int LastIndex(string[] lines, StringComparison comparison, params string[] markers) =>
        Array.FindLastIndex(lines, line => markers.Any(marker => line.Contains(marker, comparison)));

    // "2024-05-01 10:00:00.000 UTC [123] FATAL:  lock file ..." → "FATAL: lock file ..."
    private static string FromSeverity(string line)
    {
        var match = Severity().Match(line);
        return match.Success ? line[match.Index..] : line;
    }

    [GeneratedRegex(@"\b(?:FATAL|PANIC|ERROR|HINT|LOG|DETAIL):", RegexOptions.CultureInvariant)]
    private static partial Regex Severity();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
