using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Connections;
using Strata.Core.Lifecycle;
using Strata.Core.Local;
using Strata.Core.Migrations;

namespace Strata.Core.Sessions;

/// <summary>
/// Everything one run works with, opened from one <see cref="StrataSettings"/>: the resolved database, its data
/// source (created on first use), the migration engine (lock, history, planner, executor) and the lifecycle commands.
/// Every front door does the same: build settings, open a session, call one method, render the result.
/// </summary>
public sealed class StrataSession : IAsyncDisposable
{
    private readonly StrataSessionOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILocalServer? _localServer;
    private NpgsqlDataSource? _dataSource;
    private Migrator? _migrator;

    private StrataSession(StrataSettings settings, ResolvedConnection connection, StrataSessionOptions options)
    {
        Settings = settings;
        Connection = connection;
        _options = options;
        _loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _localServer = options.LocalServer ?? (connection.IsLocalDefault ? LocalServerFor(settings, _loggerFactory) : null);
        Migrations = options.Migrations ?? new DirectoryMigrationSource(settings.MigrationsDirectories) { CacheDirectory = settings.CacheDirectory.Value };
        EngineOptions = (options.Engine ?? (o => o))(settings.MigratorOptions());
        EngineOptions.Validate();
        Lifecycle = new DatabaseLifecycle(connection, new DatabaseLifecycleOptions
        {
            LocalServer = _localServer,
            LoggerFactory = options.LoggerFactory,
            Environment = settings.Variables,
            Migrator = EngineOptions,
            MigrationsDirectories = settings.MigrationsDirectories,
            SeedsDirectory = settings.SeedsDirectory.Value,
        });
    }

    /// <summary>The settings the session was opened from.</summary>
    public StrataSettings Settings { get; }

    /// <summary>The database the settings name, where it came from and why. Never exposes the password.</summary>
    public ResolvedConnection Connection { get; }

    /// <summary>The migrations the session applies.</summary>
    internal IMigrationSource Migrations { get; }

    /// <summary>The validated engine options.</summary>
    public MigratorOptions EngineOptions { get; }

    /// <summary>The database lifecycle commands (create, drop, seed, setup, dump, ...) for <see cref="Connection"/>.</summary>
    internal DatabaseLifecycle Lifecycle { get; }

    /// <summary>Resolves the database the settings name; no connection is opened yet.</summary>
    /// <exception cref="Errors.ConfigurationException">The connection settings are invalid.</exception>
    public static async Task<StrataSession> OpenAsync(
        StrataSettings settings, StrataSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new StrataSessionOptions();
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var connection = await new ConnectionResolver(loggerFactory.CreateLogger<ConnectionResolver>())
            .ResolveAsync(settings.ConnectionRequest(), settings.Config, cancellationToken);
        return new StrataSession(settings, connection, options);
    }

    /// <summary>The session's pooled data source, built on first use (the local default starts its server then).</summary>
    public async Task<NpgsqlDataSource> DataSourceAsync(CancellationToken cancellationToken = default) =>
        _dataSource ??= await new DatabaseConnector(_localServer, _options.LoggerFactory)
            .CreateDataSourceAsync(Connection, _options.DataSource, cancellationToken);

    /// <summary>
    /// One more data source on the session's database, built with <paramref name="options"/> instead of the session's
    /// (an app's multiplexed pool beside the engine's plain one); the caller disposes it.
    /// </summary>
    internal Task<NpgsqlDataSource> CreateDataSourceAsync(DataSourceOptions options, CancellationToken cancellationToken) =>
        new DatabaseConnector(_localServer, _options.LoggerFactory).CreateDataSourceAsync(Connection, options, cancellationToken);

    /// <summary>The migration engine over the session's data source and migrations.</summary>
    public async Task<Migrator> MigratorAsync(CancellationToken cancellationToken = default) =>
        _migrator ??= new Migrator(await DataSourceAsync(cancellationToken), Migrations, EngineOptions, _loggerFactory.CreateLogger<Migrator>());

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    private static LocalCluster LocalServerFor(StrataSettings settings, ILoggerFactory loggerFactory) => new(
        new LocalClusterOptions { Directory = LocalCluster.DefaultDirectory(settings.WorkingDirectory), Environment = settings.Variables },
        loggerFactory.CreateLogger<LocalCluster>());
}
