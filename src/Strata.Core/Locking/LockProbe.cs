using Npgsql;
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

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken) =>
        await Db.ScalarAsync<bool>(connection, new BoundSql("SELECT pg_try_advisory_lock($1)", key), cancellationToken);

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
