using Microsoft.Extensions.Logging;
using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.Core.Schema;

/// <summary>
/// Reads the schema one side of a comparison names: a saved snapshot file (<c>strata diff --save</c>), a database URL
/// or keyword connection string, or the name of an environment in the configuration file.
/// </summary>
public sealed class SchemaSource
{
    private readonly ConnectionRequest _request;
    private readonly DatabaseConnector _connector;
    private readonly ILoggerFactory? _loggerFactory;

    /// <summary>Creates a reader that resolves database sides like <paramref name="request"/> (configuration, passwords, environment).</summary>
    public SchemaSource(ConnectionRequest request, DatabaseConnector connector, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(connector);
        _request = request;
        _connector = connector;
        _loggerFactory = loggerFactory;
    }

    /// <summary>Reads the schema <paramref name="side"/> names.</summary>
    /// <exception cref="ConfigurationException">The side is a directory, an unreadable snapshot file or an unknown environment.</exception>
    /// <exception cref="ConnectionFailedException">The database could not be reached.</exception>
    public async Task<SchemaSnapshot> ReadAsync(string side, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(side);
        var path = Path.GetFullPath(side, _request.WorkingDirectory);
        if (File.Exists(path))
        {
            return await SnapshotFile.ReadAsync(path, cancellationToken);
        }

        if (Directory.Exists(path) && !IsConnectionString(side))
        {
            throw new ConfigurationException(
                $"'{side}' is a directory; compare a database URL, an environment name or a snapshot file written by `strata diff --save`");
        }

        var request = IsConnectionString(side)
            ? _request with { DatabaseUrl = side, EnvironmentName = null }
            : _request with { DatabaseUrl = null, EnvironmentName = side };
        var resolver = new ConnectionResolver(_loggerFactory?.CreateLogger<ConnectionResolver>());
        var connection = await resolver.ResolveAsync(request, cancellationToken);
        await using var dataSource = await _connector.CreateDataSourceAsync(connection, null, cancellationToken);
        await using var open = await dataSource.OpenConnectionAsync(cancellationToken);
        return await SchemaReader.ReadAsync(open, cancellationToken);
    }

    private static bool IsConnectionString(string side) =>
        side.Contains("://", StringComparison.Ordinal) || side.Contains('=', StringComparison.Ordinal);
}
