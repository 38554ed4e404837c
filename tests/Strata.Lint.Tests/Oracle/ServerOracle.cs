using Npgsql;
using Strata.Testing;

namespace Strata.Lint.Tests.Oracle;

/// <summary>
/// Runs a migration the way <c>up</c> does (in a transaction) on a real server against a table <c>t</c> that has
/// rows, reads what happened (rewrite, locks, scans, error), and rolls back.
/// </summary>
public static class ServerOracle
{
    public static async Task<(ServerObservation Observation, int MajorVersion)> ObserveAsync(string setup, string migration)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, setup);
        var major = (int)(await ScalarAsync<int>(connection, "SELECT current_setting('server_version_num')::int") / 10000);
        var before = await ScalarAsync<uint>(connection, "SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass");

        await using var transaction = await connection.BeginTransactionAsync();
        // The view also shows this backend's counts not yet flushed from earlier transactions: measure the difference.
        var scansBefore = await ScansAsync(connection);
        string? sqlState = null;
        try
        {
            await ExecuteAsync(connection, migration);
        }
        catch (PostgresException error)
        {
            sqlState = error.SqlState;
        }

        if (sqlState is not null)
        {
            await transaction.RollbackAsync();
            return (new ServerObservation(false, [], 0, sqlState), major);
        }

        var after = await ScalarAsync<uint>(connection, "SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass");
        var scans = await ScansAsync(connection) - scansBefore;
        var locks = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = 't'::regclass ORDER BY mode", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                locks.Add(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync();
        return (new ServerObservation(before != after, locks, scans, null), major);
    }

    private static Task<long> ScansAsync(NpgsqlConnection connection) =>
        ScalarAsync<long>(connection, "SELECT coalesce(seq_scan, 0) FROM pg_stat_xact_user_tables WHERE relid = 't'::regclass");

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
