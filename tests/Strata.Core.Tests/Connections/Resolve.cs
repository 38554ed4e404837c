using Strata.Core.Connections;

namespace Strata.Core.Tests.Connections;

/// <summary>Runs the resolver against a given environment in a temp working directory.</summary>
internal static class Resolve
{
    public const string KnownPassword = "S3cr3t-pa55!word";

    public static Task<ResolvedConnection> WithAsync(
        TempDirectory directory,
        IReadOnlyDictionary<string, string>? environment = null,
        Func<ConnectionRequest, ConnectionRequest>? configure = null,
        CapturingLogger? logger = null)
    {
        var request = new ConnectionRequest
        {
            Environment = environment ?? new Dictionary<string, string>(),
            WorkingDirectory = directory.Path,
        };
        request = AsTheCliNamesThem(configure?.Invoke(request) ?? request);
        return new ConnectionResolver(logger).ResolveAsync(request, CancellationToken.None);
    }

    public static async Task<ResolvedConnection> UrlAsync(string url)
    {
        using var directory = new TempDirectory();
        return await WithAsync(directory, configure: r => r with { DatabaseUrl = url });
    }

    public static async Task<ResolvedConnection> EnvironmentAsync(params (string Name, string Value)[] variables)
    {
        using var directory = new TempDirectory();
        return await WithAsync(directory, variables.ToDictionary(v => v.Name, v => v.Value));
    }

    /// <summary>The request with its explicit inputs named as the strata command names them, so messages read as users see them.</summary>
    public static ConnectionRequest AsTheCliNamesThem(ConnectionRequest request) => request with
    {
        DatabaseUrlOrigin = "--database-url",
        EnvironmentNameOrigin = "--env",
        ConfigPathOrigin = "--config",
        PasswordFileOrigin = "--password-file",
        PasswordCommandOrigin = "--password-command",
    };

    public static string Hosts(ConnectionSettings settings) => string.Join(",", settings.Hosts);
}
