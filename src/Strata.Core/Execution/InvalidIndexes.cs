using Npgsql;
using Strata.Core.Data;
using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>Finds and drops the INVALID indexes a failed <c>CREATE INDEX CONCURRENTLY</c> leaves behind.</summary>
internal static class InvalidIndexes
{
    // Only an index of the name on the statement's table, in that table's schema: PostgreSQL creates an index there,
    // whatever else of the name the search path shows. An unqualified table is the one the search path finds.
    private const string FindSql = """
        SELECT n.nspname, c.relname, t.relname
        FROM unnest($1::text[], $2::text[], $3::text[]) AS w(name, schema, tab)
        JOIN pg_class t ON t.oid = pg_catalog.to_regclass(
            CASE WHEN w.schema IS NULL THEN '' ELSE pg_catalog.quote_ident(w.schema) || '.' END || pg_catalog.quote_ident(w.tab))
        JOIN pg_index i ON i.indrelid = t.oid AND NOT i.indisvalid
        JOIN pg_class c ON c.oid = i.indexrelid AND c.relname = w.name AND c.relnamespace = t.relnamespace
        JOIN pg_namespace n ON n.oid = c.relnamespace
        ORDER BY n.nspname, c.relname
        """;

    /// <summary>The indexes named by the section's <c>CREATE INDEX CONCURRENTLY</c> statements that exist and are invalid.</summary>
    public static Task<IReadOnlyList<InvalidIndex>> FindAsync(NpgsqlConnection connection, MigrationSection section, CancellationToken cancellationToken) =>
        FindAsync(
            connection,
            section.Statements.Select(s => StatementClassifier.ConcurrentIndexOf(s.Text)).OfType<IndexName>().ToList(),
            cancellationToken);

    public static async Task<IReadOnlyList<InvalidIndex>> FindAsync(
        NpgsqlConnection connection, IReadOnlyList<IndexName> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand(FindSql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = names.Select(n => n.Name).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = names.Select(n => n.Schema).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = names.Select(n => n.Table).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<InvalidIndex>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new InvalidIndex(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return found;
    }

    public static Task DropAsync(NpgsqlConnection connection, InvalidIndex index, CancellationToken cancellationToken) =>
        Db.ExecuteAsync(
            connection,
            $"DROP INDEX CONCURRENTLY IF EXISTS {SqlText.Identifier(index.Schema)}.{SqlText.Identifier(index.Name)}",
            cancellationToken,
            timeoutSeconds: 0);
}
