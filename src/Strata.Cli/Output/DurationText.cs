using System.Globalization;

namespace Strata.Cli.Output;

/// <summary>
/// Durations as people read them, the same in every command (up, down, history, db wait, db sessions) and in the
/// step summary: milliseconds under a second, then seconds, then minutes, then hours.
/// </summary>
internal static class DurationText
{
    /// <summary><c>4.2 ms</c>, <c>850 ms</c>, <c>1.3 s</c>, <c>42 s</c>, <c>5 min 07 s</c>, <c>3 h 02 min</c>.</summary>
    public static string Format(TimeSpan span) => span switch
    {
        { TotalMilliseconds: < 10 } => Invariant($"{span.TotalMilliseconds:0.0} ms"),
        { TotalSeconds: < 1 } => Invariant($"{span.TotalMilliseconds:0} ms"),
        { TotalSeconds: < 10 } => Invariant($"{Math.Floor(span.TotalSeconds * 10) / 10:0.0} s"),
        { TotalMinutes: < 1 } => Invariant($"{Math.Floor(span.TotalSeconds):0} s"),
        { TotalHours: < 1 } => Invariant($"{(int)span.TotalMinutes} min {span.Seconds:00} s"),
        _ => Invariant($"{(int)span.TotalHours} h {span.Minutes:00} min"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
