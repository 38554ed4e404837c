using System.Globalization;
using Npgsql;

namespace Strata.Core.Connections;

/// <summary>Parses single setting values (ports, TLS modes, timeouts) shared by URLs, variables and secrets.</summary>
internal static class SettingValues
{
    private static readonly string[] TargetSessionValues =
        ["any", "read-write", "read-only", "primary", "standby", "prefer-primary", "prefer-standby"];

    public static int ParsePort(string text, string sourceName, string what = SettingNames.Port)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        throw ConnectionStringErrors.Invalid(sourceName, $"{what} '{Shorten(text)}' is not a port number (1-65535)");
    }

    /// <summary>A comma-separated port list in which an empty entry means the default port.</summary>
    public static List<int?> ParsePortList(string text, string sourceName, string what = SettingNames.Port) =>
        text.Split(',').Select(p => p.Length == 0 ? (int?)null : ParsePort(p, sourceName, what)).ToList();

    public static SslMode ParseSslMode(string text, string sourceName, string what = SettingNames.SslMode) =>
        text.ToLowerInvariant() switch
        {
            "disable" => SslMode.Disable,
            "allow" => SslMode.Allow,
            "prefer" => SslMode.Prefer,
            "require" => SslMode.Require,
            "verify-ca" => SslMode.VerifyCA,
            "verify-full" => SslMode.VerifyFull,
            _ => throw ConnectionStringErrors.Invalid(
                sourceName, $"{what} '{Shorten(text)}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
        };

    public static int ParseTimeout(string text, string sourceName, string what = SettingNames.ConnectTimeout)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        throw ConnectionStringErrors.Invalid(sourceName, $"{what} '{Shorten(text)}' is not a whole number of seconds");
    }

    public static string ParseTargetSessionAttributes(string text, string sourceName, string what = SettingNames.TargetSessionAttributes)
    {
        var value = text.ToLowerInvariant();
        if (TargetSessionValues.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        throw ConnectionStringErrors.Invalid(
            sourceName, $"{what} '{Shorten(text)}' is not one of {string.Join(", ", TargetSessionValues)}");
    }

    /// <summary>Quoted values in messages are cut short: they are for recognising the mistake, not for copying.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
