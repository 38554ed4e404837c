using Npgsql;
using Strata.Core.Data;

namespace Strata.Core.Execution;

/// <summary>
/// Waits until the server has flushed its WAL as far as it had written it: after a run that committed migrations
/// with <c>synchronous_commit = off</c> stopped before its last (durable) commit, so that the migrations it reports
/// applied survive a server crash. A commit that writes nothing waits for no flush, whatever its setting, so the
/// server is asked instead; its WAL writer flushes asynchronous commits within three <c>wal_writer_delay</c> (200 ms
/// by default).
/// </summary>
internal static class WalFlushWait
{
    /// <summary>How long the flush is waited for before the run gives up on it.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    /// <summary>True once the WAL written so far is on disk; false when it was not within <see cref="Limit"/>.</summary>
    public static async Task<bool> WaitAsync(NpgsqlConnection connection, TimeProvider clock, CancellationToken cancellationToken)
    {
        var written = await Db.ScalarAsync<string>(connection, new BoundSql("SELECT pg_current_wal_insert_lsn()::text"), cancellationToken);
        var flushed = new BoundSql("SELECT pg_current_wal_flush_lsn() >= $1::text::pg_lsn", written);
        var started = clock.GetTimestamp();
        while (!await Db.ScalarAsync<bool>(connection, flushed, cancellationToken))
        {
            if (clock.GetElapsedTime(started) >= Limit)
            {
                return false;
            }

            await Task.Delay(Pause, clock, cancellationToken);
        }

        return true;
    }
}
