using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Strata.Core.Errors;

namespace Strata.Core.Local;

/// <summary>
/// The configuration Strata owns inside the data directory: a loopback-only pg_hba.conf written once at creation,
/// and <c>postgresql.strata.conf</c> (included at the end of postgresql.conf) rewritten at every start. The port
/// lives in the latter, which is what keeps the cluster's URL stable between runs.
/// </summary>
internal static partial class ClusterConfig
{
    private const string HbaContent = """
        # Written by Strata. Trust authentication, but only on the Unix socket and on 127.0.0.1, the only address
        # the server listens on. Any OS user of this machine can connect: keep only development data here.
        # TYPE  DATABASE     USER  ADDRESS       METHOD
        local   all          all                 trust
        host    all          all   127.0.0.1/32  trust
        local   replication  all                 trust
        host    replication  all   127.0.0.1/32  trust

        """;

    /// <summary>Replaces initdb's pg_hba.conf and makes postgresql.conf include Strata's file.</summary>
    public static async Task WriteAtCreationAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "pg_hba.conf"), HbaContent, cancellationToken);
        var include = $"\n# Strata's settings (listen address, port, socket directory) come last so they win.\ninclude '{ClusterLayout.StrataConfigName}'\n";
        await File.AppendAllTextAsync(Path.Combine(dataDirectory, "postgresql.conf"), include, cancellationToken);
    }

    /// <summary>The port written at the last start, or null if the cluster was never started.</summary>
    public static async Task<int?> ReadPortAsync(ClusterLayout layout, CancellationToken cancellationToken)
    {
        if (!File.Exists(layout.StrataConfigFile))
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(layout.StrataConfigFile, cancellationToken);
        var match = PortLine().Match(text);
        return match.Success ? int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) : null;
    }

    public static Task WriteAsync(
        ClusterLayout layout, int port, LocalClusterOptions options, CancellationToken cancellationToken)
    {
        var text = new StringBuilder()
            .AppendLine("# Written by Strata at every start of the local cluster; changes here are overwritten.")
            .AppendLine("# Put your own settings in postgresql.conf before the include line, or use ALTER SYSTEM.")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {port}")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = {Quote('"' + layout.SocketDirectory + '"')}")
            .AppendLine(options.FsyncOff ? "fsync = off" : "fsync = on");
        foreach (var (name, value) in options.ServerSettings ?? new Dictionary<string, string>())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{name} = {Quote(value)}");
        }

        return File.WriteAllTextAsync(layout.StrataConfigFile, text.ToString(), cancellationToken);
    }

    private static readonly HashSet<string> ManagedSettings =
        new(["listen_addresses", "port", "unix_socket_directories", "fsync"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Rejects settings Strata manages itself, and names or values a configuration file cannot hold faithfully.</summary>
    public static void Validate(IReadOnlyDictionary<string, string>? settings)
    {
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            if (ManagedSettings.Contains(name))
            {
                throw new ConfigurationException(
                    $"The local cluster manages {name} itself; remove it from the server settings (use FsyncOff for fsync).");
            }

            if (!SettingName().IsMatch(name))
            {
                throw new ConfigurationException(
                    $"'{name}' is not a valid PostgreSQL setting name for the local cluster; use names such as max_connections.");
            }

            if (value.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
            {
                throw new ConfigurationException($"The local cluster setting {name} has a line break in its value; settings are single-line.");
            }
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^port = (?<port>[0-9]{1,5})$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PortLine();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingName();
}
