using System.Globalization;
using Strata.Core.Errors;

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

    // 9999-12-31 23:59:59: the last second a 14-digit timestamp names, which has no second after it.
    private static readonly DateTimeOffset Last = new(DateTime.MaxValue.Ticks - (DateTime.MaxValue.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

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
                    start = taken < Last ? taken.AddSeconds(1) : throw new MigrationFileException(
                        $"{file}: version {taken.ToString(Format, CultureInfo.InvariantCulture)} is the last second a timestamp version can name, " +
                        "so no new timestamp version sorts after it: rename that file with the time it was written",
                        file);
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
