using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Local;
using Strata.Core.Logging;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// Turns a <see cref="ResolvedConnection"/> into a pooled <see cref="NpgsqlDataSource"/>. For the local default it
/// starts the local server and creates the database on first use. A password command is wired so that it runs for
/// every new physical connection. Connection failures become <see cref="ConnectionFailedException"/>s.
/// </summary>
public sealed class DatabaseConnector
{
    private readonly ILocalServer? _localServer;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Creates a connector; <paramref name="localServer"/> is needed only for the local default.</summary>
    public DatabaseConnector(ILocalServer? localServer, ILoggerFactory? loggerFactory = null)
    {
        _localServer = localServer;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory?.CreateLogger<DatabaseConnector>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Builds the data source and, unless <see cref="DataSourceOptions.VerifyConnection"/> is off, opens one connection.</summary>
    /// <exception cref="ConnectionFailedException">The server cannot be reached, refuses the login, or lacks the database.</exception>
    /// <exception cref="ConfigurationException">The local default is needed but there is no local server.</exception>
    public async Task<NpgsqlDataSource> CreateDataSourceAsync(
        ResolvedConnection connection, DataSourceOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new DataSourceOptions();
        var settings = connection.IsLocalDefault
            ? await PrepareLocalDatabaseAsync(connection.Settings.Database, cancellationToken)
            : connection.Settings;
        SecretRedactor.Register(settings.Password);
        LogMessages.DataSourceCreating(_logger, settings.ToDisplayUrl());

        var builder = new NpgsqlDataSourceBuilder(NpgsqlSettings.Build(settings, options, includePassword: connection.PasswordCommand is null).ConnectionString);
        if (_loggerFactory is not null)
        {
            builder.UseLoggerFactory(_loggerFactory);
        }

        if (connection.PasswordCommand is { } command)
        {
            builder.UsePasswordProvider(_ => command.GetPassword(), (_, ct) => command.GetPasswordAsync(ct));
        }

        var dataSource = builder.Build();
        if (options.VerifyConnection)
        {
            await VerifyAsync(dataSource, settings, cancellationToken);
        }

        return dataSource;
    }

    /// <summary>
    /// Describes a failure to connect as a <see cref="ConnectionFailedException"/> with one redacted line (refused,
    /// unresolvable host, timeout, bad password, missing database, TLS required), or returns null when
    /// <paramref name="exception"/> is not a connection failure.
    /// </summary>
    public static ConnectionFailedException? TranslateFailure(Exception exception, ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(settings);
        return ConnectionFailures.Translate(exception, settings);
    }

    private async Task VerifyAsync(NpgsqlDataSource dataSource, ConnectionSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ConnectionFailures.Translate(ex, settings) is { } failure)
        {
            await dataSource.DisposeAsync();
            LogMessages.ConnectionFailed(_logger, settings.ToDisplayUrl(), failure.Message);
            throw failure;
        }
    }

    private async Task<ConnectionSettings> PrepareLocalDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        if (_localServer is null)
        {
            throw new ConfigurationException(
                "No database was given and no local server is available here; set DATABASE_URL, pass --database-url, or choose an environment with --env.");
        }

        LogMessages.LocalServerRequested(_logger);
        var endpoint = await _localServer.EnsureStartedAsync(cancellationToken);
        var settings = new ConnectionSettings
        {
            Hosts = [new HostEndpoint(endpoint.Host, endpoint.Port)],
            Database = database,
            Username = endpoint.Username,
        };
        await LocalDatabase.EnsureExistsAsync(settings, _logger, cancellationToken);
        return settings;
    }
}
