using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.Core.Lifecycle;

/// <summary>What every lifecycle operation works with: the resolved database, how to reach it, and where to report.</summary>
internal sealed class LifecycleContext(
    ResolvedConnection connection,
    DatabaseConnector connector,
    ILogger logger,
    IReadOnlyDictionary<string, string> environment,
    MigratorOptions migrator,
    IReadOnlyList<string>? migrationsDirectories,
    string? seedsDirectory)
{
    public ResolvedConnection Connection => connection;

    public DatabaseConnector Connector => connector;

    public ILogger Logger => logger;

    /// <summary>The variables external programs are looked for with (PATH, STRATA_PG_BIN).</summary>
    public IReadOnlyDictionary<string, string> Environment => environment;

    public string Database => connection.Settings.Database;

    /// <summary>The engine settings setup and reset migrate with.</summary>
    public MigratorOptions Migrator => migrator;

    /// <summary>The migrations directories setup applies; a session always gives them, a direct caller may not.</summary>
    public IReadOnlyList<string> MigrationsDirectories => migrationsDirectories ?? throw Missing("MigrationsDirectory");

    public string SeedsDirectory => seedsDirectory ?? throw Missing("SeedsDirectory");

    public HistoryTableName HistoryTable => migrator.HistoryTable;

    /// <summary>An unpooled data source on the target database (on the local server it is created first).</summary>
    public Task<NpgsqlDataSource> OpenTargetAsync(CancellationToken cancellationToken) =>
        connector.CreateDataSourceAsync(connection, new DataSourceOptions { Pooling = false, CommandTimeout = TimeSpan.Zero }, cancellationToken);

    public Task<NpgsqlDataSource> OpenMaintenanceAsync(CancellationToken cancellationToken) =>
        connector.CreateMaintenanceDataSourceAsync(connection, cancellationToken);

    /// <summary>The settings and password an external PostgreSQL client (pg_dump, psql) needs for the target database.</summary>
    public async Task<(ConnectionSettings Settings, string? Password)> ClientSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = await connector.ServerSettingsAsync(connection, createLocalDatabase: true, cancellationToken);
        return (settings, await DatabaseConnector.PasswordAsync(connection, settings, cancellationToken));
    }

    private static ConfigurationException Missing(string option) => new(
        $"No {option} was given to the database lifecycle: set DatabaseLifecycleOptions.{option}, or open a StrataSession, which takes it from the settings.");

    public static string ServerOf(NpgsqlConnection open) => $"{HostEndpoint.FormatHost(open.Host ?? "?")}:{open.Port}";
}
