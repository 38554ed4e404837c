using Npgsql;

namespace Strata.Core.Schema;

/// <summary>A throwaway database on a <see cref="ScratchServer"/>, dropped when disposed.</summary>
internal sealed class ScratchDatabase(string name, NpgsqlDataSource dataSource, ScratchServer server) : IAsyncDisposable
{
    /// <summary>The database's generated name.</summary>
    public string Name { get; } = name;

    /// <summary>A data source for the database.</summary>
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>Reads the database's schema.</summary>
    public Task<SchemaSnapshot> SnapshotAsync(CancellationToken cancellationToken) => SchemaReader.ReadAsync(DataSource, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await server.DropAsync(Name, CancellationToken.None);
    }
}
