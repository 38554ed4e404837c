using System.Globalization;

namespace Strata.Lint.Observation;

/// <summary>
/// Turns an observation and the reference's sizes into words and seconds. The throughputs are deliberate,
/// documented assumptions for a busy server on SSDs (docs/lint.md), not measurements of yours.
/// </summary>
internal static class CostModel
{
    /// <summary>A rewrite writes the heap, every index and the WAL for them: bytes of pg_total_relation_size per second.</summary>
    public const double RewriteBytesPerSecond = 50d * 1024 * 1024;

    /// <summary>A validation or index-build scan reads the heap: bytes of relpages × block size per second.</summary>
    public const double ScanBytesPerSecond = 200d * 1024 * 1024;

    public static bool IsLarge(RelationSize? size, LintOptions options) =>
        size is null || size.Rows >= options.LargeTableRows || size.TotalBytes >= options.LargeTableBytes;

    public static double? Seconds(RelationSize? size, bool rewrite) =>
        size is null ? null : Math.Round(rewrite ? size.TotalBytes / RewriteBytesPerSecond : size.HeapBytes / ScanBytesPerSecond, 1);

    public static string Describe(string relation, RelationSize? size) => size is null
        ? $"{relation} (size unknown: no reference database)"
        : $"{relation} ({Rows(size.Rows)}, {Bytes(size.TotalBytes)})";

    private static string Rows(double rows) => rows switch
    {
        < 0 => "never analysed",
        >= 1_000_000 => (rows / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + " M rows",
        >= 1_000 => (rows / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + " k rows",
        _ => rows.ToString("0", CultureInfo.InvariantCulture) + " rows",
    };

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1024d).ToString("0", CultureInfo.InvariantCulture) + " kB",
    };
}
