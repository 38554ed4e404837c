using System.Collections.Immutable;
using System.Data;
using Npgsql;

namespace Strata.Core.Schema;

/// <summary>
/// Reads a database's schema into a <see cref="SchemaSnapshot"/>: one round trip of a handful of set-based catalog
/// queries, in a read-only repeatable-read transaction that is rolled back. It only reads catalogs.
/// </summary>
internal static class SchemaReader
{
    /// <summary>Reads the schema of the database of <paramref name="dataSource"/>, on a connection of its own.</summary>
    public static async Task<SchemaSnapshot> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, cancellationToken);
    }

    /// <summary>Reads the schema of the database <paramref name="connection"/> is open on.</summary>
    /// <param name="connection">An open connection that is not inside a transaction.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<SchemaSnapshot> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var prepare = new NpgsqlCommand(CatalogQueries.Prepare, connection, transaction))
        {
            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }

        var objects = new Dictionary<(string, string), SchemaObject>();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var sql in CatalogQueries.For(connection.PostgreSqlVersion.Major))
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            do
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var item = Read(reader);
                    objects.TryAdd((item.Kind, item.Name), item);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        await transaction.RollbackAsync(cancellationToken);
        return new SchemaSnapshot(objects.Values);
    }

    private static SchemaObject Read(NpgsqlDataReader reader)
    {
        var pairs = reader.GetFieldValue<string?[]>(3);
        var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            if (pairs[i + 1] is { } value)
            {
                attributes[pairs[i]!] = value;
            }
        }

        return new SchemaObject(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), attributes.ToImmutable());
    }
}
