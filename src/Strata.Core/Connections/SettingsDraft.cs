using Npgsql;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// Connection settings while a source is being read, with where each one came from. Like libpq, hosts and ports
/// are separate lists: one port applies to every host, otherwise there is one port (or an empty entry for the
/// default) per host. <see cref="Build"/> applies the defaults.
/// </summary>
internal sealed class SettingsDraft
{
    public List<string> Hosts { get; set; } = [];

    public List<int?> Ports { get; set; } = [];

    public string? Database { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public SslMode? SslMode { get; set; }

    public string? SslRootCert { get; set; }

    public string? ApplicationName { get; set; }

    public int? ConnectTimeoutSeconds { get; set; }

    public string? Options { get; set; }

    public string? SearchPath { get; set; }

    public string? TargetSessionAttributes { get; set; }

    public Dictionary<string, string> AdditionalKeywords { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Setting name (see <see cref="SettingNames"/>) → where its value came from.</summary>
    public Dictionary<string, string> Origins { get; } = new(StringComparer.Ordinal);

    public bool HasPassword => Password is not null;

    /// <summary>Completes the settings with libpq's defaults and records the defaults' origins.</summary>
    public ConnectionSettings Build(string sourceName)
    {
        var hosts = Hosts.Count > 0 ? Hosts : ["localhost"];
        if (Hosts.Count == 0)
        {
            Origins[SettingNames.Host] = "default";
        }

        var endpoints = PairPorts(hosts, sourceName);
        var username = Username ?? DefaultUsername();
        if (Username is null)
        {
            Origins[SettingNames.User] = "default (operating-system user)";
        }

        if (Database is null)
        {
            Origins[SettingNames.Database] = "default (same as the user name)";
        }

        return new ConnectionSettings
        {
            Hosts = endpoints,
            Database = Database ?? username,
            Username = username,
            Password = Password,
            SslMode = SslMode,
            SslRootCert = SslRootCert,
            ApplicationName = ApplicationName,
            ConnectTimeoutSeconds = ConnectTimeoutSeconds,
            Options = Options,
            SearchPath = SearchPath,
            TargetSessionAttributes = TargetSessionAttributes,
            AdditionalKeywords = new Dictionary<string, string>(AdditionalKeywords, StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>Sets the value's origin; callers assign the value itself.</summary>
    public void From(string settingName, string origin) => Origins[settingName] = origin;

    /// <summary>Assigns a value the source gives, when it gives one, and records where it came from.</summary>
    public void Take(string? value, Action<string> assign, string settingName, string origin)
    {
        if (value is not null)
        {
            assign(value);
            From(settingName, origin);
        }
    }

    /// <summary>Takes a non-empty password variable, registered with the redactor before it can reach any output.</summary>
    public void TakePassword(IReadOnlyDictionary<string, string> environment, string variable)
    {
        if (environment.TryGetValue(variable, out var password) && password.Length > 0)
        {
            SecretRedactor.Register(password);
            Password = password;
            From(SettingNames.Password, EnvironmentVariables.Origin(environment, variable));
        }
    }

    // libpq uses the user's login name; Environment.UserName asks the operating system, not the environment.
    private static string DefaultUsername() => Environment.UserName;

    private List<HostEndpoint> PairPorts(List<string> hosts, string sourceName)
    {
        if (Ports.Count > 1 && Ports.Count != hosts.Count)
        {
            throw ConnectionStringErrors.Invalid(
                sourceName, $"gives {hosts.Count} host(s) but {Ports.Count} ports; give one port for all hosts or one per host");
        }

        if (Ports.Count == 0 || Ports.Any(p => p is null))
        {
            Origins.TryAdd(SettingNames.Port, "default");
        }

        return hosts
            .Select((host, i) => new HostEndpoint(host, (Ports.Count == 1 ? Ports[0] : Ports.ElementAtOrDefault(i)) ?? HostEndpoint.DefaultPort))
            .ToList();
    }
}
