using System.Globalization;

namespace Strata.Core.Migrations;

/// <summary>
/// Parses a timeout option's value: a whole number with a unit (<c>500ms</c>, <c>2s</c>, <c>5m</c> or <c>5min</c>,
/// <c>1h</c>), or a bare <c>0</c>, whose meaning (<see cref="ZeroDuration"/>) depends on the setting. A bare number
/// other than 0 is refused rather than guessed at, because PostgreSQL would read it as milliseconds and a reader as
/// seconds.
/// </summary>
internal static class MigrationDuration
{
    // PostgreSQL stores both timeouts as an int of milliseconds.
    private static readonly TimeSpan Maximum = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>Parses a PostgreSQL timeout, where 0 means none; on failure <paramref name="problem"/> says what is wrong.</summary>
    public static bool TryParse(string value, out TimeSpan duration, out string problem) =>
        TryParse(value, ZeroDuration.NoTimeout, out duration, out problem);

    /// <summary>
    /// Parses <paramref name="value"/>; on failure <paramref name="problem"/> says what is wrong with it, offering 0
    /// only as <paramref name="zero"/> allows. A 0 is parsed whatever it means: the setting's own check refuses it.
    /// </summary>
    public static bool TryParse(string value, ZeroDuration zero, out TimeSpan duration, out string problem)
    {
        duration = TimeSpan.Zero;
        problem = "";
        var digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        var unit = value[digits..];
        if (digits == 0)
        {
            problem = "write a whole number with a unit, such as 500ms, 2s, 5m or 1h" + zero switch
            {
                ZeroDuration.NoTimeout => ", or 0 for no timeout",
                ZeroDuration.TryOnce => ", or 0 to try once without waiting",
                _ => "",
            };
            return false;
        }

        if (!long.TryParse(value.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            problem = TooLong(zero);
            return false;
        }

        if (unit.Length == 0)
        {
            problem = amount == 0 ? "" : $"a number needs a unit; write {amount}s for seconds or {amount}ms for milliseconds";
            return amount == 0;
        }

        return TryScale(amount, unit, zero, out duration, out problem);
    }

    // PostgreSQL's limit bounds every duration; only its own timeouts can be turned off instead.
    private static string TooLong(ZeroDuration zero) => zero == ZeroDuration.NoTimeout
        ? "PostgreSQL's longest timeout is 2147483647ms (about 24 days); use 0 for no timeout"
        : "the longest wait is 2147483647ms (about 24 days)";

    private static bool TryScale(long amount, string unit, ZeroDuration zero, out TimeSpan duration, out string problem)
    {
        duration = TimeSpan.Zero;
        long? perUnit = unit switch
        {
            "ms" => 1,
            "s" => 1_000,
            "m" or "min" => 60_000,
            "h" => 3_600_000,
            _ => null,
        };
        if (perUnit is null)
        {
            problem = $"unknown unit '{unit}'; the units are ms, s, m (or min) and h";
            return false;
        }

        if (amount > Maximum.TotalMilliseconds / perUnit.Value)
        {
            problem = TooLong(zero);
            return false;
        }

        duration = TimeSpan.FromMilliseconds(amount * perUnit.Value);
        problem = "";
        return true;
    }
}
