using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Npgsql;
using Strata.Core.Tests.Engine;
using Strata.Testing;
using Xunit.Abstractions;

namespace Strata.Core.Tests.Batching;

/// <summary>
/// The proof that a batched backfill never holds a lock that makes an ordinary single-row update wait long: a million
/// rows backfilled while another session keeps updating single rows, many of them in the batch being written.
/// </summary>
public sealed class BackfillLockWaitTests(ITestOutputHelper output)
{
    private const int Rows = 1_000_000;

    // A batch's row locks last as long as the batch runs, so the size decides the worst wait: 5,000 rows a batch
    // exceeded 200 ms on a 2-core machine running the whole test suite; 1,000 stays well under it.
    private const int BatchSize = 1000;
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private static TestMigrationSource Source() => new TestMigrationSource()
        .Add("1_big.sql", "-- migrate:up\nCREATE TABLE big (id bigint PRIMARY KEY, v int NOT NULL, w int, touched int NOT NULL DEFAULT 0);\n" +
            $"INSERT INTO big (id, v) SELECT g, g % 1000 FROM generate_series(1, {Rows}) g;\n")
        .Add("2_backfill_w.sql", $"-- migrate:up transaction:false\n-- strata:batch size={BatchSize}\nUPDATE big SET w = v * 2 WHERE w IS DISTINCT FROM v * 2;\n");

    [Fact]
    public async Task A_backfill_of_a_million_rows_never_makes_a_single_row_update_wait_200_ms()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.Migrator(Source()).UpAsync(Strata.Core.Planning.MigrationTarget.Steps(1));
        await db.ExecuteAsync("VACUUM ANALYZE big");
        using var stop = new CancellationTokenSource(Bound);

        var backfill = Task.Run(() => db.Migrator(Source()).UpAsync(cancellationToken: stop.Token));
        var waits = new ConcurrentBag<TimeSpan>();
        var sampled = Task.Run(() => SampleLockWaitsAsync(db, backfill, stop.Token));
        var lockTimeouts = new StrongBox<int>(0);
        var updates = await UpdateSingleRowsAsync(db, backfill, waits, lockTimeouts, stop.Token);
        await backfill;
        var longestSampled = await sampled;

        var longest = waits.Max();
        var blocked = waits.Count(w => w > TimeSpan.FromMilliseconds(5));

        output.WriteLine($"{updates} single-row updates during the backfill, {blocked} slower than 5 ms, {lockTimeouts.Value} cancelled by lock_timeout 200ms; longest update (wall time) {longest.TotalMilliseconds:0.0} ms; " +
            $"longest lock wait seen in pg_locks {longestSampled.TotalMilliseconds:0.0} ms");
        (await db.ScalarAsync<long>("SELECT count(*) FROM big WHERE w = v * 2")).ShouldBe(Rows);
        updates.ShouldBeGreaterThan(100);
        lockTimeouts.Value.ShouldBe(0);
        longestSampled.ShouldBeLessThan(Longest);
    }

    // Updates one row at a time until the backfill ends: every other one just ahead of the backfill's last committed key,
    // in the batch it is writing, the others anywhere. Each update's wall time bounds its lock wait.
    private static async Task<int> UpdateSingleRowsAsync(TestDatabase db, Task backfill, ConcurrentBag<TimeSpan> waits, StrongBox<int> lockTimeouts, CancellationToken cancellationToken)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var limit = new NpgsqlCommand($"SET lock_timeout = {(int)Longest.TotalMilliseconds}", connection))
        {
            // The server's own oracle: an update that waits for a lock longer than this fails with 55P03.
            await limit.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var frontier = new NpgsqlCommand(
            "SELECT coalesce((SELECT last_key::bigint FROM strata_schema_migrations_backfill WHERE to_regclass('strata_schema_migrations_backfill') IS NOT NULL), 0)",
            connection);
        await using var update = new NpgsqlCommand("UPDATE big SET touched = touched + 1 WHERE id = $1", connection);
        var id = new NpgsqlParameter<long>();
        update.Parameters.Add(id);
        await update.PrepareAsync(cancellationToken);
        var count = 0;
        var clock = new Stopwatch();
        while (!backfill.IsCompleted && count < 200_000)
        {
            long key;
            try
            {
                key = count % 2 == 0 ? (long)(await frontier.ExecuteScalarAsync(cancellationToken))! + Random.Shared.Next(1, BatchSize + 1) : Random.Shared.Next(1, Rows + 1);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                key = Random.Shared.Next(1, Rows + 1);
            }

            id.TypedValue = Math.Min(key, Rows);
            clock.Restart();
            try
            {
                await update.ExecuteNonQueryAsync(cancellationToken);
                waits.Add(clock.Elapsed);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                // Waited the whole lock_timeout for a lock: the proof fails.
                Interlocked.Increment(ref lockTimeouts.Value);
            }

            count++;
        }

        return count;
    }

    // Polls pg_locks for ungranted locks on the table and keeps how long the longest-waiting one had waited.
    private static async Task<TimeSpan> SampleLockWaitsAsync(TestDatabase db, Task backfill, CancellationToken cancellationToken)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        await using var sample = new NpgsqlCommand(
            "SELECT coalesce(max(extract(epoch FROM clock_timestamp() - l.waitstart)), 0)::float8 FROM pg_locks l " +
            "WHERE NOT l.granted AND l.pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())",
            connection);
        var longest = TimeSpan.Zero;
        while (!backfill.IsCompleted)
        {
            var seconds = (double)(await sample.ExecuteScalarAsync(cancellationToken))!;
            longest = TimeSpan.FromSeconds(Math.Max(longest.TotalSeconds, seconds));
            await Task.Delay(2, cancellationToken);
        }

        return longest;
    }
}
