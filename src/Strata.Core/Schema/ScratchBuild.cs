using Microsoft.Extensions.Logging;
using Strata.Core.Configuration;
using Strata.Core.Migrations;

namespace Strata.Core.Schema;

/// <summary>
/// A scratch database with the engine pointed at it: where drift, version detection and verify build the schemas
/// that migrations produce. Disposing it drops the database.
/// </summary>
internal sealed class ScratchBuild : IAsyncDisposable
{
    private readonly HistoryTableName _history;

    private ScratchBuild(ScratchDatabase database, Migrator migrator, HistoryTableName history)
    {
        Database = database;
        Migrator = migrator;
        _history = history;
    }

    /// <summary>The scratch database.</summary>
    public ScratchDatabase Database { get; }

    /// <summary>The engine that applies <see cref="CreateAsync"/>'s migrations to the scratch database.</summary>
    public Migrator Migrator { get; }

    /// <summary>
    /// Creates an empty database on <paramref name="server"/>, whose sessions start with <paramref name="defaults"/>,
    /// and an engine for <paramref name="migrations"/> on it.
    /// </summary>
    public static async Task<ScratchBuild> CreateAsync(
        ScratchServer server, IMigrationSource migrations, MigratorOptions options, IReadOnlyList<KeyValuePair<string, string>> defaults,
        ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(options);
        var database = await server.CreateDatabaseAsync(defaults, cancellationToken);
        try
        {
            return new ScratchBuild(database, new Migrator(database.DataSource, migrations, options, logger), options.HistoryTable);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The schema the migrations applied so far produced. The history table is left out: it records what ran, so it
    /// always differs, and it is Strata's, not the migrations' schema.
    /// </summary>
    public async Task<SchemaSnapshot> SnapshotAsync(CancellationToken cancellationToken) =>
        HistoryObjects.Exclude(await Database.SnapshotAsync(cancellationToken), _history);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
