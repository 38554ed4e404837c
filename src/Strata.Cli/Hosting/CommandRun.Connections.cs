using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Connections;

namespace Strata.Cli.Hosting;

/// <summary>How a command finds its database and its migrations: the one resolver, fed by the run's flags.</summary>
internal sealed partial class CommandRun
{
    public ConnectionRequest ConnectionRequest() => new()
    {
        DatabaseUrl = Settings.DatabaseUrl,
        EnvironmentName = Settings.EnvironmentName,
        ConfigPath = Settings.ConfigPath,
        PasswordFile = Settings.PasswordFile,
        PasswordCommand = Settings.PasswordCommand,
        Environment = Context.Environment,
        WorkingDirectory = Context.WorkingDirectory,
    };

    public Task<ResolvedConnection> ResolveAsync(CancellationToken cancellationToken) =>
        new ConnectionResolver(LoggerFactory.CreateLogger<ConnectionResolver>()).ResolveAsync(ConnectionRequest(), cancellationToken);

    /// <summary>--migrations-dir (or STRATA_MIGRATIONS_DIR) when given, else what the configuration says.</summary>
    public string MigrationsDirectory(ResolvedConnection connection) =>
        Settings.MigrationsDir is { } flag ? Path.GetFullPath(flag, Context.WorkingDirectory) : connection.MigrationsDirectory;

    public Task<NpgsqlDataSource> OpenAsync(ResolvedConnection connection, CancellationToken cancellationToken) =>
        new DatabaseConnector(LocalCluster(), LoggerFactory).CreateDataSourceAsync(connection, null, cancellationToken);
}
