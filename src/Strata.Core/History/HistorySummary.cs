using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Data;

namespace Strata.Core.History;

/// <summary>What the history table says about a database: whether it exists, how many migrations are applied, the newest.</summary>
internal sealed record HistorySummary(bool Exists, int Applied, string? Version)
{
    /// <summary>
    /// Reads the history table without locking or creating anything. Only rows whose <c>status</c> is
    /// <c>applied</c> count when the table has that column; versions compare as numbers (longer is newer).
    /// </summary>
    public static async Task<HistorySummary> ReadAsync(NpgsqlConnection connection, HistoryTableName table, CancellationToken cancellationToken)
    {
        if (!await TableExistsAsync(connection, table, cancellationToken))
        {
            return new HistorySummary(false, 0, null);
        }

        var hasStatus = await Db.ScalarAsync<bool>(
            connection,
            new BoundSql("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'status' AND NOT attisdropped)", table.Quoted),
            cancellationToken);
        var filter = hasStatus ? " WHERE status = 'applied'" : string.Empty;
        await using var command = new NpgsqlCommand(
            $"SELECT count(*), (array_agg(version::text ORDER BY length(version::text) DESC, version::text COLLATE \"C\" DESC))[1] FROM {table.Quoted}{filter}",
            connection);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new HistorySummary(true, (int)reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        }
        catch (PostgresException ex) when (HistoryRefusal.IsRefusal(ex))
        {
            throw HistoryRefusal.Read(table, ex);
        }
    }

    /// <summary>Whether the history table exists, looked up without taking any lock on it.</summary>
    public static async Task<bool> TableExistsAsync(NpgsqlConnection connection, HistoryTableName table, CancellationToken cancellationToken) =>
        await Db.ScalarAsync<bool>(connection, new BoundSql("SELECT to_regclass($1) IS NOT NULL", table.Quoted), cancellationToken);
}
