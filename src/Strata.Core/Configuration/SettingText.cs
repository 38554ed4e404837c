using System.Globalization;

namespace Strata.Core.Configuration;

/// <summary>Writes a setting's value the way a user would give it (<c>10m</c>, <c>500ms</c>, <c>true</c>).</summary>
internal static class SettingText
{
    public static string Format<T>(T value) => value switch
    {
        null => "(not set)",
        TimeSpan duration => Duration(duration),
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Duration(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0";
        }

        var ms = (long)value.TotalMilliseconds;
        return ms switch
        {
            _ when ms % 3_600_000 == 0 => $"{ms / 3_600_000}h",
            _ when ms % 60_000 == 0 => $"{ms / 60_000}m",
            _ when ms % 1000 == 0 => $"{ms / 1000}s",
            _ => $"{ms}ms",
        };
    }
}
