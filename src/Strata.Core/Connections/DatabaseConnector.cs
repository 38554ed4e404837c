using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Strata.Core.Diagnostics;
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
internal sealed class DatabaseConnector
{
    private readonly ILocalServer? _localServer;
    private readonly NpgsqlLogFilter? _loggerFactory;
    private readonly ILogger _logger;

    /// <summary>Creates a connector; <paramref name="localServer"/> is needed only for the local default.</summary>
    public DatabaseConnector(ILocalServer? localServer, ILoggerFactory? loggerFactory = null)
    {
        _localServer = localServer;
        _loggerFactory = loggerFactory is null ? null : new NpgsqlLogFilter(loggerFactory);
        _logger = loggerFactory?.CreateLogger<DatabaseConnector>() ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The databases every PostgreSQL server has, tried in this order to reach a server without its target database.</summary>
    public static IReadOnlyList<string> MaintenanceDatabases { get; } = ["postgres", "template1"];

    /// <summary>Builds the data source and, unless <see cref="DataSourceOptions.VerifyConnection"/> is off, opens one connection.</summary>
    /// <exception cref="ConnectionFailedException">The server cannot be reached, refuses the login, or lacks the database.</exception>
    /// <exception cref="ConfigurationException">The local default is needed but there is no local server.</exception>
    public async Task<NpgsqlDataSource> CreateDataSourceAsync(
        ResolvedConnection connection, DataSourceOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new DataSourceOptions();
        var settings = await ServerSettingsAsync(connection, createLocalDatabase: true, cancellationToken);
        var dataSource = Build(connection, settings, options);
        if (options.VerifyConnection)
        {
            await VerifyAsync(dataSource, settings, cancellationToken, connection);
        }

        return dataSource;
    }

    /// <summary>
    /// Builds an unpooled data source on the same server and login as <paramref name="connection"/>, but on the
    /// maintenance database <c>postgres</c> (or <c>template1</c> where <c>postgres</c> was dropped), for creating and
    /// dropping the target database. For the local default it starts the local server but creates nothing.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The server cannot be reached, refuses the login, or has neither maintenance database.</exception>
    /// <exception cref="ConfigurationException">The local default is needed but there is no local server.</exception>
    public async Task<NpgsqlDataSource> CreateMaintenanceDataSourceAsync(ResolvedConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var server = await ServerSettingsAsync(connection, createLocalDatabase: false, cancellationToken);
        var options = new DataSourceOptions { Pooling = false };
        var first = server with { Database = MaintenanceDatabases[0] };
        var dataSource = Build(connection, first, options);
        try
        {
            await using var probe = await CancellableOpen.OpenAsync(dataSource, cancellationToken);
            return dataSource;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await dataSource.DisposeAsync();
            var fallback = server with { Database = MaintenanceDatabases[1] };
            LogMessages.MaintenanceDatabaseFallback(_logger, first.Database, fallback.Database);
            dataSource = Build(connection, fallback, options);
            await VerifyAsync(dataSource, fallback, cancellationToken);
            return dataSource;
        }
        catch (Exception ex) when (ConnectionFailures.Translate(ex, first) is { } failure)
        {
            await dataSource.DisposeAsync();
            LogMessages.ConnectionFailed(_logger, first.ToDisplayUrl(), failure.Message);
            throw failure;
        }
    }

    /// <summary>
    /// The settings to reach the server of <paramref name="connection"/>: its own settings, or for the local default the
    /// address of the started local server (creating the database there first when <paramref name="createLocalDatabase"/>).
    /// </summary>
    internal async Task<ConnectionSettings> ServerSettingsAsync(
        ResolvedConnection connection, bool createLocalDatabase, CancellationToken cancellationToken)
    {
        var settings = connection.IsLocalDefault
            ? await PrepareLocalDatabaseAsync(connection.Settings.Database, createLocalDatabase, cancellationToken)
            : connection.Settings with { Password = connection.Settings.Password ?? connection.ClientFallbackPassword };
        SecretRedactor.Register(settings.Password);
        return settings;
    }

    /// <summary>The password to send for <paramref name="settings"/>: its own, else the password command's output, else none.</summary>
    internal static async ValueTask<string?> PasswordAsync(
        ResolvedConnection connection, ConnectionSettings settings, CancellationToken cancellationToken) =>
        connection.PasswordCommand is { } command ? await command.GetPasswordAsync(cancellationToken) : settings.Password;

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

    private NpgsqlDataSource Build(ResolvedConnection connection, ConnectionSettings settings, DataSourceOptions options)
    {
        LogMessages.DataSourceCreating(_logger, settings.ToDisplayUrl());
        // A password file (outside the local default) is read again for each new physical connection, so a rotated
        // secret is picked up without a restart.
        var rereadFile = connection.PasswordFile is not null && !connection.IsLocalDefault;
        var connectionString = NpgsqlSettings.Build(settings, options, includePassword: connection.PasswordCommand is null && !rereadFile).ConnectionString;
        var (password, passwordAsync) = PasswordProvider(connection, rereadFile);
        if (!options.LoadTypes)
        {
            // Built-in types only, resolved lazily, and no type-catalog query on the first connection: the cheapest
            // start for commands whose queries return text, numbers, booleans, timestamps and arrays of them.
            var slim = new NpgsqlSlimDataSourceBuilder(connectionString);
            slim.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
            slim.EnableArrays();
            if (_loggerFactory is not null)
            {
                slim.UseLoggerFactory(_loggerFactory);
            }

            if (password is not null)
            {
                slim.UsePasswordProvider(password, passwordAsync);
            }

            if (SessionAttributeCheck.Needed(settings))
            {
                slim.UsePhysicalConnectionInitializer(c => SessionAttributeCheck.Check(c, settings), c => SessionAttributeCheck.CheckAsync(c, settings));
            }

            return slim.Build();
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (_loggerFactory is not null)
        {
            builder.UseLoggerFactory(_loggerFactory);
        }

        if (password is not null)
        {
            builder.UsePasswordProvider(password, passwordAsync);
        }

        if (SessionAttributeCheck.Needed(settings))
        {
            builder.UsePhysicalConnectionInitializer(c => SessionAttributeCheck.Check(c, settings), c => SessionAttributeCheck.CheckAsync(c, settings));
        }

        return builder.Build();
    }

    private static (Func<NpgsqlConnectionStringBuilder, string>? Password, Func<NpgsqlConnectionStringBuilder, CancellationToken, ValueTask<string>>? PasswordAsync)
        PasswordProvider(ResolvedConnection connection, bool rereadFile)
    {
        if (connection.PasswordCommand is { } command)
        {
            return (_ => command.GetPassword(), (_, ct) => command.GetPasswordAsync(ct));
        }

        if (rereadFile)
        {
            var file = connection.PasswordFile!;
            return (_ => file.Read(), (_, ct) => file.ReadAsync(ct));
        }

        return (null, null);
    }

    private async Task VerifyAsync(
        NpgsqlDataSource dataSource, ConnectionSettings settings, CancellationToken cancellationToken, ResolvedConnection? resolved = null)
    {
        try
        {
            using var timing = TimingTrace.Measure("connect (first connection: TCP, TLS, authentication)");
            await using var connection = resolved is null
                ? await CancellableOpen.OpenAsync(dataSource, cancellationToken)
                : await AuthenticationRetry.OpenAsync(dataSource, resolved, _logger, cancellationToken);
        }
        catch (Exception ex) when (ConnectionFailures.Translate(ex, settings) is { } failure)
        {
            await dataSource.DisposeAsync();
            LogMessages.ConnectionFailed(_logger, settings.ToDisplayUrl(), failure.Message);
            throw failure;
        }
    }

    private async Task<ConnectionSettings> PrepareLocalDatabaseAsync(string database, bool create, CancellationToken cancellationToken)
    {
        if (_localServer is null)
        {
            throw new ConfigurationException(
                "No database was given and no local server is available here; set DATABASE_URL, give a database URL, or choose an environment.")
            {
                NextSteps = [new NextStep(NextStepKind.GiveDatabaseUrl), new NextStep(NextStepKind.ChooseEnvironment)],
            };
        }

        LogMessages.LocalServerRequested(_logger);
        var endpoint = await _localServer.EnsureStartedAsync(cancellationToken);
        var settings = new ConnectionSettings
        {
            Hosts = [new HostEndpoint(endpoint.Host, endpoint.Port)],
            Database = database,
            Username = endpoint.Username,
        };
        if (create)
        {
            await LocalDatabase.EnsureExistsAsync(settings, _logger, cancellationToken);
        }

        return settings;
    }
}
