using System.Globalization;

namespace Strata.Core.Migrations;

/// <summary>
/// The time a new migration's version is taken from: now, unless a migration file already has a timestamp version
/// of this second or later (one written a moment ago, the later steps of a generated sequence, a teammate's clock
/// ahead of this one); then the second after the newest. Two files never share a version, and a new file always
/// sorts after the ones it was written beside.
/// </summary>
internal static class NewVersion
{
    private const string Format = "yyyyMMddHHmmss";

    /// <summary>The first second at or after <paramref name="nowUtc"/> that no file in <paramref name="directories"/> has taken or passed.</summary>
    public static DateTimeOffset After(IEnumerable<string> directories, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var now = nowUtc.UtcDateTime;
        var start = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        foreach (var directory in directories.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.sql"))
            {
                if (Taken(Path.GetFileName(file)) is { } taken && taken >= start)
                {
                    start = taken.AddSeconds(1);
                }
            }
        }

        return start;
    }

    // The time of a file named <yyyyMMddHHmmss>_<description>.sql; null for other versions (001_, 1_).
    private static DateTimeOffset? Taken(string fileName)
    {
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        return underscore == Format.Length
            && DateTime.TryParseExact(fileName.AsSpan(0, underscore), Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;
    }
}
