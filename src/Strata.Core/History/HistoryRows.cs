using System.Text;
using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Data;

namespace Strata.Core.History;

/// <summary>
/// The history table's rows as INSERT statements, appended to the schema dump so that a database loaded from it
/// knows which migrations it has. Values are written as text literals under fixed session settings (UTC, ISO dates),
/// and rows are ordered by version, so the same rows always give the same text. When and where a row was applied
/// (time, role, client host, duration) is left out: those columns take their defaults when the file is loaded, so the
/// file has no timestamps or host names and two databases with the same migrations dump to the same text.
/// </summary>
internal static class HistoryRows
{
    private static readonly HashSet<string> PerDatabaseColumns = new(StringComparer.Ordinal)
    {
        "applied_at", "applied_by", "client_host", "execution_time_ms",
    };

    private const string StableSettings =
        "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; SET bytea_output = 'hex'";

    public static async Task<(string Sql, int Rows)> DumpAsync(NpgsqlConnection connection, HistoryTableName table, CancellationToken cancellationToken)
    {
        if (!await HistorySummary.TableExistsAsync(connection, table, cancellationToken))
        {
            return (string.Empty, 0);
        }

        var columns = (await ColumnsAsync(connection, table, cancellationToken)).Where(c => !PerDatabaseColumns.Contains(c)).ToList();
        await using (var settings = new NpgsqlCommand(StableSettings, connection))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        var quoted = string.Join(", ", columns.Select(SqlText.Identifier));
        var order = columns.Contains("version") ? "length(\"version\"::text), \"version\"::text COLLATE \"C\"" : "t::text COLLATE \"C\"";
        var values = string.Join(", ", columns.Select(c => SqlText.Identifier(c) + "::text"));
        await using var select = new NpgsqlCommand($"SELECT ARRAY[{values}] FROM {table.Quoted} t ORDER BY {order}", connection);
        var sql = new StringBuilder();
        var rows = 0;
        try
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = reader.GetFieldValue<string?[]>(0);
                sql.Append("INSERT INTO ").Append(table.Quoted).Append(" (").Append(quoted).Append(") VALUES (")
                    .AppendJoin(", ", row.Select(SqlText.Literal)).Append(");\n");
                rows++;
            }
        }
        catch (PostgresException ex) when (HistoryRefusal.IsRefusal(ex))
        {
            throw HistoryRefusal.Read(table, ex);
        }

        return (Section(table, sql.ToString()), rows);
    }

    private static string Section(HistoryTableName table, string inserts) =>
        $"""

        --
        -- Strata migration history: the rows of {table}, so that a database loaded from this file knows which migrations it has.
        --

        {inserts}
        """;

    // Generated columns cannot be inserted into; dropped columns are gone.
    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, HistoryTableName table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT attname::text FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = table.Quoted });
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
