namespace Strata.Cli.Commands.Db;

/// <summary>Durations as people read them in tables and messages.</summary>
internal static class DurationText
{
    /// <summary>A short human form: <c>850ms</c>, <c>12s</c>, <c>5m07s</c>, <c>3h02m</c>, <c>2d04h</c>.</summary>
    public static string Format(TimeSpan span) => span switch
    {
        { TotalSeconds: < 1 } => $"{span.TotalMilliseconds:0}ms",
        { TotalMinutes: < 1 } => $"{span.TotalSeconds:0}s",
        { TotalHours: < 1 } => $"{span.Minutes}m{span.Seconds:00}s",
        { TotalDays: < 1 } => $"{span.Hours}h{span.Minutes:00}m",
        _ => $"{(int)span.TotalDays}d{span.Hours:00}h",
    };
}
