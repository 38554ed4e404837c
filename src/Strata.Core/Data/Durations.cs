using System.Globalization;

namespace Strata.Core.Data;

/// <summary>Formats durations for messages and for PostgreSQL settings.</summary>
internal static class Durations
{
    /// <summary>A short human form: <c>200ms</c>, <c>5s</c>, <c>1.5s</c>, <c>10m</c>.</summary>
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalMilliseconds: < 1000 } => Invariant($"{Math.Round(duration.TotalMilliseconds)}ms"),
        { TotalSeconds: < 60 } => Invariant($"{Math.Round(duration.TotalSeconds, 1)}s"),
        { TotalMinutes: < 60 } when duration.Seconds == 0 => Invariant($"{duration.TotalMinutes}m"),
        _ => Invariant($"{Math.Round(duration.TotalSeconds)}s"),
    };

    /// <summary>A value for <c>lock_timeout</c> or <c>statement_timeout</c>: whole milliseconds, <c>0</c> meaning off.</summary>
    public static string Setting(TimeSpan duration) => Invariant($"'{(long)Math.Ceiling(duration.TotalMilliseconds)}ms'");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
