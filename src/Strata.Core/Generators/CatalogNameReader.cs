using Npgsql;

namespace Strata.Core.Generators;

/// <summary>Asks the catalog which of some tables and columns exist, in one round trip.</summary>
internal static class CatalogNameReader
{
    // A relation of any kind a migration may alter or reference; a column counts when it is live.
    private const string Query = """
        SELECT w.ord
        FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS w(nsp, rel, col, ord)
        WHERE EXISTS (
            SELECT 1
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = w.nsp AND c.relname = w.rel AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND (w.col IS NULL OR EXISTS (
                  SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = w.col AND a.attnum > 0 AND NOT a.attisdropped)))
        """;

    /// <summary>Those of <paramref name="names"/> the database has.</summary>
    /// <exception cref="NpgsqlException">The database cannot be reached or queried.</exception>
    public static async Task<IReadOnlySet<CatalogName>> ExistingAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<CatalogName> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(names);
        await using var command = dataSource.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter { Value = names.Select(n => n.Table.Schema).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = names.Select(n => n.Table.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = names.Select(n => n.Column).ToArray() });
        var existing = new HashSet<CatalogName>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing.Add(names[(int)reader.GetInt64(0) - 1]);
        }

        return existing;
    }
}
