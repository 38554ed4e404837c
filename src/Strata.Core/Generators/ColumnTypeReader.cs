using Npgsql;
using Strata.Core.Errors;

namespace Strata.Core.Generators;

/// <summary>Reads a column's type from the catalog, as <c>format_type</c> prints it (typmods included).</summary>
internal static class ColumnTypeReader
{
    private const string Query = """
        SELECT format_type(a.atttypid, a.atttypmod)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relname = $2 AND a.attname = $3 AND a.attnum > 0 AND NOT a.attisdropped
        """;

    /// <exception cref="GeneratorArgumentException">The database has no such column.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached or queried.</exception>
    public static async Task<string> ReadAsync(NpgsqlDataSource dataSource, ColumnName column, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(column);
        await using var command = dataSource.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter { Value = column.Table.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = column.Table.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = column.Name });
        return await command.ExecuteScalarAsync(cancellationToken) as string
            ?? throw new GeneratorArgumentException($"the database has no column {column}; check the name, or pass --type TYPE to write the migrations anyway");
    }
}
