using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Data;

namespace Strata.Core.Locking;

/// <summary>The queries behind <see cref="MigrationLock"/>, on the lock's own connection.</summary>
internal sealed class LockProbe(NpgsqlConnection connection, long key)
{
    // A bigint advisory key shows in pg_locks as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
    private const string HolderSql = """
        SELECT a.pid, a.application_name, host(a.client_addr), a.backend_start, a.usename
        FROM pg_locks l
        JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND l.classid::bigint = $1 AND l.objid::bigint = $2 AND l.objsubid = 1
        LIMIT 1
        """;

    public long Key => key;

    /// <summary>
    /// The database's name, the lock key and a first try for the lock, in one round trip: the server computes the key
    /// from its own database name with the same formula as <see cref="MigrationLockKey.Compute"/>.
    /// </summary>
    public static async Task<(string Database, long Key, bool Acquired)> FirstAttemptAsync(
        NpgsqlConnection connection, HistoryTableName table, CancellationToken cancellationToken)
    {
        var sql = $"SELECT current_database(), k, pg_try_advisory_lock(k) FROM (SELECT {MigrationLockKey.SqlExpression(table)} AS k) AS key";
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var database = reader.GetString(0);
        var key = reader.GetInt64(1);
        var acquired = reader.GetBoolean(2);
        await reader.DisposeAsync();
        var expected = MigrationLockKey.Compute(database, table);
        if (key == expected)
        {
            return (database, key, acquired);
        }

        // Only where the server cannot encode the name as Strata does (a SQL_ASCII database with other bytes in its
        // name): give back what was taken and poll with the key every other Strata computes.
        if (acquired)
        {
            await new LockProbe(connection, key).ReleaseAsync(cancellationToken);
        }

        return (database, expected, false);
    }

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken) =>
        await Db.ScalarAsync<bool>(connection, new BoundSql("SELECT pg_try_advisory_lock($1)", key), cancellationToken);

    /// <summary>Whether this connection's session holds the lock.</summary>
    public async Task<bool> IsHeldAsync(CancellationToken cancellationToken) =>
        await Db.ScalarAsync<bool>(
            connection,
            new BoundSql(
                "SELECT EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid() " +
                "AND classid::bigint = $1 AND objid::bigint = $2 AND objsubid = 1)",
                (key >> 32) & 0xFFFFFFFFL,
                key & 0xFFFFFFFFL),
            cancellationToken);

    public async Task<bool> ReleaseAsync(CancellationToken cancellationToken) =>
        await Db.ScalarAsync<bool>(connection, new BoundSql("SELECT pg_advisory_unlock($1)", key), cancellationToken);

    public async Task<LockHolder?> FindHolderAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(HolderSql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (key >> 32) & 0xFFFFFFFFL });
        command.Parameters.Add(new NpgsqlParameter { Value = key & 0xFFFFFFFFL });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new LockHolder(
            reader.GetInt32(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetString(4));
    }
}
