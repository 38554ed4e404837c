using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Core.Logging;

namespace Strata.Core.Connections;

/// <summary>
/// Decides which database a command uses. Every way of giving a database (flag, config environment, URL
/// variables, RDS secret JSON, DB_* and PG* variables, the local default) goes through here, in one documented
/// precedence order, so every command and the web library agree. Reading passwords from files happens here;
/// password commands run later, when connections open.
/// </summary>
internal sealed class ConnectionResolver
{
    /// <summary>The database the local default uses when the configuration names none.</summary>
    public const string DefaultLocalDatabase = SourceSelector.DefaultLocalDatabase;

    private readonly ILogger _logger;

    /// <summary>Creates a resolver that reports what it chose through <paramref name="logger"/>.</summary>
    public ConnectionResolver(ILogger<ConnectionResolver>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Resolves <paramref name="request"/> to one database.</summary>
    /// <exception cref="Errors.ConfigurationException">A source is malformed, an environment is unknown, or a password file is missing.</exception>
    public async Task<ResolvedConnection> ResolveAsync(ConnectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var config = await ConfigFileLoader.ReadAsync(request, cancellationToken);
        return await ResolveAsync(request, config, cancellationToken);
    }

    /// <summary>Resolves <paramref name="request"/> with the config file already read (by the settings builder).</summary>
    internal async Task<ResolvedConnection> ResolveAsync(ConnectionRequest request, ConfigFile? config, CancellationToken cancellationToken)
    {
        ConfigFileLoader.Log(config, _logger);
        var source = SourceSelector.Select(request, config, _logger);
        LogMessages.ConnectionSourceChosen(_logger, source.Description, source.Reason);
        var passwordOverride = source.Draft is null
            ? null
            : await PasswordOverrides.ResolveAsync(request, source.Environment, config, _logger, cancellationToken);
        var resolved = ResolvedConnectionFactory.Create(config, source, passwordOverride);
        if (resolved is { IsLocalDefault: false, PasswordSource: PasswordSource.None })
        {
            ClientPasswordFallback.Register(request.Environment, resolved.Settings);
            resolved = resolved with { ClientFallbackPassword = ClientPasswordFallback.Find(request.Environment, resolved.Settings) };
        }

        LogMessages.ConnectionResolved(
            _logger, resolved.IsLocalDefault ? $"'{resolved.Settings.Database}' on the local server" : resolved.Settings.ToDisplayUrl(), resolved.SourceDescription);
        return resolved;
    }
}
