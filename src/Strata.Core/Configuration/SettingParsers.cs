using System.Globalization;
using Strata.Core.Migrations;

namespace Strata.Core.Configuration;

/// <summary>
/// Turns a setting's text into its value, the same way whichever layer the text came from. Each parser returns
/// null and says what is wrong, so the builder can report every bad value at once.
/// </summary>
internal static class SettingParsers
{
    public static (TimeSpan Value, string? Problem) Duration(string text) => Duration(text, ZeroDuration.NoTimeout);

    /// <summary>A duration whose 0 means <paramref name="zero"/>, which the refusal of a bad value offers accordingly.</summary>
    public static (TimeSpan Value, string? Problem) Duration(string text, ZeroDuration zero) =>
        MigrationDuration.TryParse(text.Trim(), zero, out var value, out var problem) ? (value, null) : (TimeSpan.Zero, problem);

    public static (int Value, string? Problem) Count(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (0, AllDigits(text) ? $"write a whole number up to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}" : "write a whole number");

    public static (long Value, string? Problem) Rows(string text) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (0, AllDigits(text) ? $"write a whole number of rows up to {long.MaxValue.ToString(CultureInfo.InvariantCulture)}" : "write a whole number of rows, such as 10000");

    /// <summary>A whole number that did not parse is too large, and is told so rather than to be a whole number.</summary>
    private static bool AllDigits(string text) => text.Trim() is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);

    public static (string Value, string? Problem) LintOnUp(string text) => text.Trim().ToLowerInvariant() switch
    {
        var word and ("warn" or "fail" or "off") => (word, null),
        _ => ("warn", "write warn, fail or off"),
    };

    public static (bool Value, string? Problem) Switch(string text) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "on" => (true, null),
        "0" or "false" or "no" or "off" => (false, null),
        _ => (false, "write true or false (or 1/0, yes/no)"),
    };

    public static (HistoryTableName? Value, string? Problem) Table(string text) =>
        HistoryTableName.TryParse(text, out var name, out var problem) ? (name, null) : (null, problem);

    public static TimeSpan DefaultDuration(SettingDefinition setting) => Duration(setting.DefaultText!).Value;

    public static int DefaultCount(SettingDefinition setting) => Count(setting.DefaultText!).Value;
}
