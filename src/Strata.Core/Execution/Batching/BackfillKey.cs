using Npgsql;

namespace Strata.Core.Execution.Batching;

/// <summary>
/// The primary key a batched statement walks: one column, whose btree ordering (every primary key has one) gives the
/// keyset order. Read from the catalogs, never guessed from the statement.
/// </summary>
/// <param name="Table">
/// The table, schema-qualified and quoted as needed: what the statement's name resolved to when it was looked up, which
/// the progress row records and a resumed run must resolve to again.
/// </param>
/// <param name="Column">The key column, quoted as needed.</param>
/// <param name="Type">The column's type as SQL (<c>format_type</c>), which keys read as text are cast back to.</param>
/// <param name="VisibleName">
/// The table as <c>regclass</c> names it in this session (without its schema when the search_path finds it): what
/// progress rows held before they recorded the table schema-qualified.
/// </param>
internal sealed record BackfillKey(string Table, string Column, string Type, string VisibleName)
{
    /// <summary>Whether a progress row's table is this one, in the form this version records or the one older versions did.</summary>
    public bool IsTable(string recorded) =>
        string.Equals(recorded, Table, StringComparison.Ordinal) || string.Equals(recorded, VisibleName, StringComparison.Ordinal);

    private const string Query = """
        SELECT c.oid::regclass::text,
               format('%I.%I', n.nspname, c.relname),
               (SELECT count(*) FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid AND i.indisprimary),
               (SELECT i.indnkeyatts FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid AND i.indisprimary),
               (SELECT quote_ident(a.attname) FROM pg_catalog.pg_index i
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
                 WHERE i.indrelid = c.oid AND i.indisprimary),
               (SELECT format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_index i
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
                 WHERE i.indrelid = c.oid AND i.indisprimary)
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE c.oid = to_regclass($1)
        """;

    /// <summary>The key of <paramref name="table"/> (as written in the statement), or the reason there is none to batch by.</summary>
    public static async Task<(BackfillKey? Key, string Problem)> FindAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (null, $"table {table} does not exist");
        }

        var name = reader.GetString(0);
        if (reader.GetInt64(2) == 0)
        {
            return (null, $"table {name} has no primary key to run the statement in batches over");
        }

        var columns = reader.GetInt16(3);
        return columns == 1
            ? (new BackfillKey(reader.GetString(1), reader.GetString(4), reader.GetString(5), name), string.Empty)
            : (null, $"table {name} has a primary key of {columns} columns; batches need a single-column key");
    }
}
