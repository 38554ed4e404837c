using System.Globalization;
using System.Text;
using Npgsql;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>Formats <see cref="ConnectionSettings"/> as a postgres:// URL with the password masked.</summary>
internal static class DisplayUrl
{
    public static string Format(ConnectionSettings settings)
    {
        var url = new StringBuilder("postgres://");
        if (settings.Username is not null)
        {
            url.Append(Escape(settings.Username));
            if (settings.HasPassword)
            {
                url.Append(':').Append(SecretRedactor.Mask);
            }

            url.Append('@');
        }

        url.AppendJoin(',', settings.Hosts.Select(h =>
            $"{(h.IsSocketDirectory ? Escape(h.Host) : HostEndpoint.FormatHost(h.Host))}:{h.Port.ToString(CultureInfo.InvariantCulture)}"));
        url.Append('/').Append(Escape(settings.Database));
        AppendQuery(url, settings);
        return url.ToString();
    }

    public static string FormatSslMode(SslMode mode) => mode switch
    {
        SslMode.VerifyCA => "verify-ca",
        SslMode.VerifyFull => "verify-full",
        _ => mode.ToString().ToLowerInvariant(),
    };

    /// <summary>The optional libpq settings in URL order, with null for those not set; shared with <c>strata config</c>.</summary>
    public static IEnumerable<(string Name, string? Value)> OptionalSettings(ConnectionSettings settings) =>
    [
        (SettingNames.SslMode, settings.SslMode is { } mode ? FormatSslMode(mode) : null),
        (SettingNames.SslRootCert, settings.SslRootCert),
        (SettingNames.ApplicationName, settings.ApplicationName),
        (SettingNames.ConnectTimeout, settings.ConnectTimeoutSeconds?.ToString(CultureInfo.InvariantCulture)),
        (SettingNames.Options, settings.Options),
        (SettingNames.SearchPath, settings.SearchPath),
        (SettingNames.TargetSessionAttributes, settings.TargetSessionAttributes),
    ];

    private static void AppendQuery(StringBuilder url, ConnectionSettings settings)
    {
        var separator = '?';
        foreach (var (name, value) in OptionalSettings(settings).Where(p => p.Value is not null))
        {
            url.Append(separator).Append(name).Append('=').Append(Escape(value!));
            separator = '&';
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
