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
    private readonly ConnectionSettings _session;
    private readonly DatabaseConnector _connector;

    private ScratchServer(ResolvedConnection admin, ConnectionSettings session, DatabaseConnector connector)
    {
        _admin = admin;
        _session = session;
        _connector = connector;
    }

    /// <summary>Where dropping what killed runs left behind is reported.</summary>
    private ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>
    /// The server of <paramref name="scratchUrl"/>, or when it is null the local cluster of <paramref name="localServer"/>.
    /// Passwords and TLS settings are resolved like any connection of <paramref name="template"/>. The scratch
    /// databases are connected to with the session settings of <paramref name="target"/> (its options and
    /// search_path), which its migrations ran with; with the scratch URL's alone when it is null.
    /// </summary>
    public static async Task<ScratchServer> OpenAsync(
        string? scratchUrl,
        ILocalServer localServer,
        ConnectionRequest template,
        ConnectionSettings? target,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken)
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
        return new ScratchServer(admin, Session(admin.Settings, target), new DatabaseConnector(localServer, loggerFactory))
        {
            Logger = loggerFactory?.CreateLogger<ScratchServer>() ?? (ILogger)NullLogger.Instance,
        };
    }

    /// <summary>
    /// Creates an empty database with a unique name; disposing it drops it. Scratch databases that killed runs left on
    /// the server are dropped first (<see cref="ScratchSweeper"/>).
    /// </summary>
    public Task<ScratchDatabase> CreateDatabaseAsync(CancellationToken cancellationToken) => CreateDatabaseAsync([], cancellationToken);

    /// <summary>
    /// Creates an empty database as <see cref="CreateDatabaseAsync(CancellationToken)"/> does, whose sessions start
    /// with <paramref name="defaults"/> (a target's, read by <see cref="SessionDefaults"/>).
    /// </summary>
    public async Task<ScratchDatabase> CreateDatabaseAsync(IReadOnlyList<KeyValuePair<string, string>> defaults, CancellationToken cancellationToken)
    {
        string name;
        await using (var server = await _connector.CreateDataSourceAsync(_admin, new DataSourceOptions { Pooling = false }, cancellationToken))
        await using (var connection = await server.OpenConnectionAsync(cancellationToken))
        {
            name = ScratchNames.New(await ScratchSweeper.SweepAsync(connection, Logger, cancellationToken));
            await Db.ExecuteAsync(connection, "CREATE DATABASE " + SqlText.Identifier(name), cancellationToken);
            await SessionDefaults.ApplyAsync(connection, name, defaults, Logger, cancellationToken);
        }

        var target = _admin with { Settings = _session with { Database = name } };
        var dataSource = await _connector.CreateDataSourceAsync(target, new DataSourceOptions { ApplicationName = "strata scratch" }, cancellationToken);
        return new ScratchDatabase(name, dataSource, this);
    }

    // The target's options come after the scratch URL's, so they win where both set something; a scratch database is
    // written to even when the target only takes reads.
    private static ConnectionSettings Session(ConnectionSettings admin, ConnectionSettings? target) => admin with
    {
        Options = string.Join(' ', new[] { admin.Options, target?.Options, "-c default_transaction_read_only=off" }.Where(o => !string.IsNullOrWhiteSpace(o))),
        SearchPath = target?.SearchPath ?? admin.SearchPath,
    };

    internal Task DropAsync(string name, CancellationToken cancellationToken) =>
        ExecuteAsync("DROP DATABASE IF EXISTS " + SqlText.Identifier(name) + " WITH (FORCE)", cancellationToken);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var dataSource = await _connector.CreateDataSourceAsync(_admin, new DataSourceOptions { Pooling = false }, cancellationToken);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
