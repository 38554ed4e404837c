using System.Globalization;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>Builds the rows of <see cref="ResolvedConnection.Describe"/>.</summary>
internal static class ConnectionDescription
{
    private const string NotSet = "(not set)";

    public static IReadOnlyList<ResolvedSetting> Rows(ResolvedConnection connection)
    {
        var rows = new List<ResolvedSetting>
        {
            new("source", connection.SourceDescription, connection.Reason),
            new("environment", connection.EnvironmentName ?? "(none)", connection.EnvironmentChosenBy ?? "-"),
            new("config_file", connection.ConfigFilePath ?? "(none found)", connection.ConfigFileFoundBy ?? "-"),
        };
        rows.AddRange(connection.IsLocalDefault ? LocalRows(connection) : SettingRows(connection));
        rows.Add(new("protected", Flag(connection.IsProtected), Origin(connection, "protected")));
        rows.Add(new("allow_seed", Flag(connection.AllowSeed), Origin(connection, "allow_seed")));
        return rows;
    }

    private static IEnumerable<ResolvedSetting> LocalRows(ResolvedConnection connection)
    {
        yield return new("url", "(the local server; its address is known once it runs)", connection.SourceDescription);
        yield return new(SettingNames.Database, connection.Settings.Database, Origin(connection, SettingNames.Database));
        yield return new(SettingNames.User, "(the local server's superuser)", "local server");
        yield return new(SettingNames.Password, "(none)", connection.PasswordSourceDescription);
    }

    private static IEnumerable<ResolvedSetting> SettingRows(ResolvedConnection connection)
    {
        var settings = connection.Settings;
        var ports = settings.Hosts.Select(h => h.Port).Distinct().Select(p => p.ToString(CultureInfo.InvariantCulture));
        yield return new("url", settings.ToDisplayUrl(), connection.SourceDescription);
        yield return new(SettingNames.Host, string.Join(",", settings.Hosts.Select(h => h.Host)), Origin(connection, SettingNames.Host));
        yield return new(SettingNames.Port, string.Join(",", ports), Origin(connection, SettingNames.Port));
        yield return new(SettingNames.Database, settings.Database, Origin(connection, SettingNames.Database));
        yield return new(SettingNames.User, settings.Username ?? NotSet, Origin(connection, SettingNames.User));
        yield return new(SettingNames.Password, PasswordValue(connection), connection.PasswordSourceDescription);
        yield return new(
            SettingNames.SslMode,
            settings.SslMode is { } mode ? DisplayUrl.FormatSslMode(mode) : "prefer",
            settings.SslMode is null ? "default" : Origin(connection, SettingNames.SslMode));
        foreach (var (name, value) in DisplayUrl.OptionalSettings(settings).Where(o => o.Name != SettingNames.SslMode && o.Value is not null))
        {
            yield return new(name, value!, Origin(connection, name));
        }

        foreach (var (key, value) in settings.AdditionalKeywords.OrderBy(k => k.Key, StringComparer.OrdinalIgnoreCase))
        {
            yield return new(key, KeywordConnectionString.IsSecretKeyword(key) ? SecretRedactor.Mask : value, Origin(connection, key));
        }
    }

    private static string PasswordValue(ResolvedConnection connection) =>
        connection.PasswordSource == PasswordSource.None ? "(none)" : SecretRedactor.Mask;

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Origin(ResolvedConnection connection, string name) =>
        connection.Origins.TryGetValue(name, out var origin) ? origin : "default";
}
