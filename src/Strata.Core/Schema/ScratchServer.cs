using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Core.Connections;
using Strata.Core.Data;
using Strata.Core.Local;

namespace Strata.Core.Schema;

/// <summary>
/// A server Strata may create throwaway databases on: the local cluster (started when needed) or the server of a
/// <c>--scratch-url</c>. Nothing but the databases it creates is ever changed.
/// </summary>
internal sealed class ScratchServer
{
    private readonly ResolvedConnection _admin;
    private readonly DatabaseConnector _connector;

    private ScratchServer(ResolvedConnection admin, DatabaseConnector connector)
    {
        _admin = admin;
        _connector = connector;
    }

    /// <summary>Where dropping what killed runs left behind is reported.</summary>
    private ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>
    /// The server of <paramref name="scratchUrl"/>, or when it is null the local cluster of <paramref name="localServer"/>.
    /// Passwords and TLS settings are resolved like any connection of <paramref name="template"/>.
    /// </summary>
    public static async Task<ScratchServer> OpenAsync(
        string? scratchUrl, ILocalServer localServer, ConnectionRequest template, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(localServer);
        ArgumentNullException.ThrowIfNull(template);
        if (scratchUrl is null)
        {
            var endpoint = await localServer.EnsureStartedAsync(cancellationToken);
            scratchUrl = $"postgres://{Uri.EscapeDataString(endpoint.Username)}@{endpoint.Host}:{endpoint.Port}/postgres";
        }

        var request = template with { DatabaseUrl = scratchUrl, DatabaseUrlOrigin = "the scratch server URL", EnvironmentName = null };
        var admin = await new ConnectionResolver(loggerFactory?.CreateLogger<ConnectionResolver>()).ResolveAsync(request, cancellationToken);
        return new ScratchServer(admin, new DatabaseConnector(localServer, loggerFactory))
        {
            Logger = loggerFactory?.CreateLogger<ScratchServer>() ?? (ILogger)NullLogger.Instance,
        };
    }

    /// <summary>
    /// Creates an empty database with a unique name; disposing it drops it. Scratch databases that killed runs left on
    /// the server are dropped first (<see cref="ScratchSweeper"/>).
    /// </summary>
    public async Task<ScratchDatabase> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        string name;
        await using (var server = await _connector.CreateDataSourceAsync(_admin, new DataSourceOptions { Pooling = false }, cancellationToken))
        await using (var connection = await server.OpenConnectionAsync(cancellationToken))
        {
            name = ScratchNames.New(await ScratchSweeper.SweepAsync(connection, Logger, cancellationToken));
            await Db.ExecuteAsync(connection, "CREATE DATABASE " + SqlText.Identifier(name), cancellationToken);
        }

        var target = _admin with { Settings = _admin.Settings with { Database = name } };
        var dataSource = await _connector.CreateDataSourceAsync(target, new DataSourceOptions { ApplicationName = "strata scratch" }, cancellationToken);
        return new ScratchDatabase(name, dataSource, this);
    }

    internal Task DropAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync("DROP DATABASE IF EXISTS " + SqlText.Identifier(name) + " WITH (FORCE)", cancellationToken);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var dataSource = await _connector.CreateDataSourceAsync(_admin, new DataSourceOptions { Pooling = false }, cancellationToken);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
