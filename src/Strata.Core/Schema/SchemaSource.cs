using Microsoft.Extensions.Logging;
using Strata.Core.Configuration;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Schema;

/// <summary>
/// Reads the schema one side of a comparison names: a saved snapshot file (<c>strata diff --save</c>), a migrations
/// directory (applied to a scratch database), a database URL or keyword connection string, or the name of an
/// environment in the configuration file. Strata's history table is left out of every side.
/// </summary>
internal sealed class SchemaSource
{
    private const string SidesAre = "a schema is a database URL, an environment name, a migrations directory or a snapshot file";

    private readonly ConnectionRequest _request;
    private readonly DatabaseConnector _connector;
    private readonly Func<CancellationToken, Task<ScratchServer>> _scratch;
    private readonly MigratorOptions _migrator;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates a reader that resolves database sides like <paramref name="request"/> (configuration, passwords, environment).</summary>
    /// <param name="request">How database sides are resolved.</param>
    /// <param name="connector">Opens database sides.</param>
    /// <param name="scratch">Opens the server a migrations directory is applied on; called only for such a side.</param>
    /// <param name="migrator">The history table and timeouts for applying a migrations directory.</param>
    /// <param name="loggerFactory">Where progress is logged.</param>
    public SchemaSource(
        ConnectionRequest request, DatabaseConnector connector, Func<CancellationToken, Task<ScratchServer>> scratch, MigratorOptions migrator,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(migrator);
        _request = request;
        _connector = connector;
        _scratch = scratch;
        _migrator = migrator;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Reads the schema <paramref name="side"/> names.</summary>
    /// <exception cref="ConfigurationException">The side is an unreadable snapshot file, a path that does not exist, a directory named like a file (.json, .sql) or an unknown environment.</exception>
    /// <exception cref="ConnectionFailedException">The database could not be reached.</exception>
    /// <exception cref="MigrationFailedException">A migration of a migrations directory failed on the scratch database.</exception>
    public async Task<SchemaSnapshot> ReadAsync(string side, CancellationToken cancellationToken) =>
        HistoryObjects.Exclude(await ReadAllAsync(side, cancellationToken), _migrator.HistoryTable);

    private async Task<SchemaSnapshot> ReadAllAsync(string side, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(side);
        var path = Path.GetFullPath(side, _request.WorkingDirectory);
        if (File.Exists(path))
        {
            return await SnapshotFile.ReadAsync(path, cancellationToken);
        }

        if (Directory.Exists(path) && !IsConnectionString(side))
        {
            if (NamedLikeFile(side))
            {
                // Read as migrations it would be an empty schema, which "equals" or "differs" for no reason the user gave.
                throw new ConfigurationException($"{side}: a directory, where its name says a file ({SidesAre}; a migrations directory is not named .json or .sql)");
            }

            var server = await _scratch(cancellationToken);
            await using var scratch = await server.CreateDatabaseAsync(cancellationToken);
            var logger = _loggerFactory?.CreateLogger<SchemaSource>();
            var migrator = new Migrator(scratch.DataSource, new DirectoryMigrationSource(path), _migrator, logger);
            await ScratchRun.RunAsync(() => migrator.UpAsync(null, false, cancellationToken));
            return await scratch.SnapshotAsync(cancellationToken);
        }

        if (!IsConnectionString(side) && LooksLikePath(side))
        {
            throw new ConfigurationException($"{side}: no such file or directory ({SidesAre})");
        }

        var request = IsConnectionString(side)
            ? _request with { DatabaseUrl = side, EnvironmentName = null }
            : _request with { DatabaseUrl = null, EnvironmentName = side };
        var resolver = new ConnectionResolver(_loggerFactory?.CreateLogger<ConnectionResolver>());
        var connection = await resolver.ResolveAsync(request, cancellationToken);
        await using var dataSource = await _connector.CreateDataSourceAsync(connection, null, cancellationToken);
        return await SchemaReader.ReadAsync(dataSource, cancellationToken);
    }

    // An environment name is a word from the configuration file; a side with a directory separator or named like a
    // file was meant as a path.
    private static bool LooksLikePath(string side) =>
        side.Contains('/', StringComparison.Ordinal) || side.Contains('\\', StringComparison.Ordinal)
        || NamedLikeFile(side) || side.StartsWith('.') || side.StartsWith('~');

    // A snapshot (.json), or a schema file (.sql), which is no side of a comparison but was surely meant as a file.
    private static bool NamedLikeFile(string side) =>
        side.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || side.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    private static bool IsConnectionString(string side) =>
        side.Contains("://", StringComparison.Ordinal) || side.Contains('=', StringComparison.Ordinal);
}
