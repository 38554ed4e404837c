using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.AspNetCore.Configuration;
using Strata.AspNetCore.Hosting;
using Strata.AspNetCore.Logging;
using Strata.AspNetCore.Migrations;
using Strata.Core;
using Strata.Core.Connections;
using Strata.Core.Migrations;
using Strata.Core.Sessions;

namespace Strata.AspNetCore;

/// <summary>
/// The app's database as Strata set it up: the resolved connection, the one pooled <see cref="NpgsqlDataSource"/>,
/// the migrations the app ships and an engine over them. Registered as a singleton by <c>AddStrata</c>.
/// </summary>
/// <remarks>
/// Resolving is asynchronous (it may read files, and the local default starts a PostgreSQL server), so it runs in
/// <see cref="InitializeAsync"/>, which Strata's hosted service awaits while the host starts, before any request is
/// served. Code that reads <see cref="DataSource"/> earlier (a service constructed before the host starts) blocks its
/// thread until the first resolution finishes; see docs/aspnetcore.md.
/// </remarks>
public sealed class StrataDatabase : IAsyncDisposable
{
    private readonly StrataOptions _options;
    private readonly IHostEnvironment? _host;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly NpgsqlDataSource? _appDataSource;
    private readonly CancellationTokenSource _disposing = new();
    private readonly Lazy<Task<State>> _state;

    internal StrataDatabase(StrataOptions options, IHostEnvironment? host, ILoggerFactory loggerFactory, NpgsqlDataSource? appDataSource = null)
    {
        _options = options;
        _host = host;
        _appDataSource = appDataSource;
        _loggerFactory = new NpgsqlCommandLogging(loggerFactory);
        _logger = loggerFactory.CreateLogger<StrataDatabase>();
        _state = new Lazy<Task<State>>(() => SetUpAsync(_disposing.Token), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether <see cref="InitializeAsync"/> has finished successfully.</summary>
    public bool IsInitialized => _state.IsValueCreated && _state.Value.IsCompletedSuccessfully;

    /// <summary>The database that was chosen, where it came from and why. Never exposes the password.</summary>
    public ResolvedConnection Connection => Current.Connection;

    /// <summary>
    /// The app's pooled data source; the same instance <c>NpgsqlDataSource</c> resolves to. When the app registered an
    /// <c>NpgsqlDataSource</c> itself, it is that one: Strata migrates and checks through the app's own pool.
    /// </summary>
    public NpgsqlDataSource DataSource => Current.DataSource;

    /// <summary>
    /// The data source of Strata's own work (the migration lock, migrate-on-start, the start-up wait): the app's
    /// <see cref="DataSource"/> unless that one multiplexes or auto-prepares, when it is a plain pool beside it.
    /// </summary>
    internal NpgsqlDataSource EngineDataSource => Current.EngineDataSource;

    /// <summary>The migrations the app ships (loaded once and cached).</summary>
    internal IMigrationSource Migrations => Current.Migrations;

    /// <summary>The settings in force, each with where it came from.</summary>
    internal Core.Configuration.StrataSettings Settings => Current.Session.Settings;

    /// <summary>Where migrate-on-start is; read by the readiness check and the request gate without waiting.</summary>
    internal StartupProgress Startup { get; } = new();

    /// <summary>
    /// Waits until migrate-on-start has applied the migrations: true once it has (at once when it is off or already
    /// done), false when it failed or the host stopped first, and the app is stopping. With
    /// <see cref="StrataOptions.MigrateInBackground"/> the server listens meanwhile, so a hosted service of the app that
    /// needs the schema awaits this before it works.
    /// </summary>
    public Task<bool> WhenMigratedAsync(CancellationToken cancellationToken) =>
        _options.MigrateOnStart ? Startup.Migrated.WaitAsync(cancellationToken) : Task.FromResult(true);

    /// <summary>The migration engine over <see cref="DataSource"/> and <see cref="Migrations"/>.</summary>
    public Migrator Migrator => Current.Migrator;

    /// <summary>
    /// Resolves the database and builds the data source, once; later calls return the same outcome. No connection
    /// is opened (except to start the local default), so an unreachable database does not stop the app: the readiness
    /// check reports it instead.
    /// </summary>
    /// <exception cref="Core.Errors.ConfigurationException">The database configuration is invalid.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken) => _state.Value.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        if (_state.IsValueCreated && _state.Value.IsCompletedSuccessfully)
        {
            var state = _state.Value.Result;
            if (state.OwnsAppDataSource)
            {
                await state.DataSource.DisposeAsync();
            }

            await state.Session.DisposeAsync();
        }

        _disposing.Dispose();
    }

    private State Current
    {
        get
        {
            var task = _state.Value;
            if (!task.IsCompleted)
            {
                // Only before the host has started: see the remarks. There is no synchronization context in ASP.NET
                // Core, so the wait cannot deadlock; it costs one blocked thread once.
                _logger.BlockingUntilResolved();
            }

            return task.GetAwaiter().GetResult();
        }
    }

    // Settings, session, one call: the same three steps as every CLI verb, so both read strata.json alike.
    private async Task<State> SetUpAsync(CancellationToken cancellationToken)
    {
        var workingDirectory = Path.GetFullPath(_options.WorkingDirectory ?? _host?.ContentRootPath ?? Directory.GetCurrentDirectory());
        var settings = await StrataSettingsMapping.BuildAsync(_options, workingDirectory, _appDataSource?.ConnectionString, cancellationToken);
        _logger.SettingsResolved(StrataSettingsMapping.Describe(settings));
        var migrations = new CachedMigrationSource(_options.Migrations ?? new DirectoryMigrationSource(settings.MigrationsDirectory.Value));
        var pool = new PoolPlan(_options.Pool, _options.ApplicationName ?? _host?.ApplicationName);
        var session = await StrataSession.OpenAsync(
            settings,
            new StrataSessionOptions { LoggerFactory = _loggerFactory, DataSource = pool.EngineOptions(), Migrations = migrations },
            cancellationToken);
        if (_appDataSource is not null)
        {
            // The app's own data source is used as it is: its pool, its password provider and its logging are the app's.
            var migrator = new Migrator(_appDataSource, migrations, session.EngineOptions, _loggerFactory.CreateLogger<Migrator>());
            Log(session.Connection, _appDataSource, migrations);
            return new State(session, _appDataSource, _appDataSource, migrations, migrator);
        }

        var engineDataSource = await session.DataSourceAsync(cancellationToken);
        var appDataSource = pool.IsShared ? engineDataSource : await session.CreateDataSourceAsync(pool.AppOptions(), cancellationToken);
        Log(session.Connection, appDataSource, migrations);
        return new State(session, appDataSource, engineDataSource, migrations, await session.MigratorAsync(cancellationToken));
    }

    private void Log(ResolvedConnection connection, NpgsqlDataSource dataSource, IMigrationSource migrations)
    {
        var built = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        var shown = connection.IsLocalDefault ? $"{connection.Settings.Database} on the local PostgreSQL" : connection.Settings.ToDisplayUrl();
        _logger.DataSourceReady(
            shown,
            connection.SourceDescription,
            built.ApplicationName ?? "",
            built.MinPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            built.MaxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            built.ConnectionLifetime == 0 ? "unlimited" : $"{built.ConnectionLifetime}s",
            Commands(built),
            migrations.Description);
    }

    private static string Commands(NpgsqlConnectionStringBuilder built)
    {
        var sent = built.Multiplexing ? "commands multiplexed" : "one command at a time per connection";
        return built.MaxAutoPrepare > 0 ? $"{sent}, up to {built.MaxAutoPrepare} statements prepared automatically per connection" : sent;
    }

    // EngineDataSource is the app's DataSource unless the app's pool multiplexes or auto-prepares (see PoolPlan).
    private sealed record State(
        StrataSession Session, NpgsqlDataSource DataSource, NpgsqlDataSource EngineDataSource, IMigrationSource Migrations, Migrator Migrator)
    {
        public ResolvedConnection Connection => Session.Connection;

        // The session disposes the engine's pool; an app's pool beside it is Strata's to dispose too. An
        // NpgsqlDataSource the app registered itself serves as both, and stays the app's.
        public bool OwnsAppDataSource => !ReferenceEquals(DataSource, EngineDataSource);
    }
}
