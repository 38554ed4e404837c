using System.Globalization;
using Strata.Core.Errors;

namespace Strata.Cli.Commands.Db;

/// <summary>Durations on the command line: seconds as a bare number (<c>60</c>), or with a unit (<c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>).</summary>
internal static class DurationText
{
    public static TimeSpan Parse(string text, string flag)
    {
        var trimmed = text.Trim();
        var digits = trimmed.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').Count();
        if (digits > 0 && double.TryParse(trimmed[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            double? seconds = trimmed[digits..] switch
            {
                "" or "s" => amount,
                "ms" => amount / 1000,
                "m" or "min" => amount * 60,
                "h" => amount * 3600,
                _ => null,
            };
            if (seconds is { } value && value <= TimeSpan.MaxValue.TotalSeconds / 2)
            {
                return TimeSpan.FromSeconds(value);
            }
        }

        throw new ConfigurationException($"{flag} '{text}' is not a duration; write seconds (60) or a number with a unit (500ms, 30s, 2m, 1h)");
    }

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
