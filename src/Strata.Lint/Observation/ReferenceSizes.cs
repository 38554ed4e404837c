using Npgsql;

namespace Strata.Lint.Observation;

/// <summary>Reads every table's size from the reference database's statistics, keyed by its quoted qualified name.</summary>
internal static class ReferenceSizes
{
    private const string Sql = """
        SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.reltuples::float8,
               c.relpages::bigint * current_setting('block_size')::bigint, pg_total_relation_size(c.oid)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
        """;

    public static async Task<Dictionary<string, RelationSize>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, RelationSize>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sizes[reader.GetString(0)] = new RelationSize(reader.GetDouble(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return sizes;
    }
}
