using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using Strata.Core.Tests.Engine;
using Strata.Testing;
using Xunit.Abstractions;

namespace Strata.Core.Tests.Batching;

/// <summary>
/// The proof that a batched backfill never holds a lock that makes an ordinary single-row update wait long: a million
/// rows backfilled while another session keeps updating single rows, many of them in the batch being written. How long
/// a batch takes depends on the machine and on what else it runs, so the proof is relative and read from the server:
/// no writing transaction, and no lock wait, lasts a tenth of the backfill, where one transaction (or locks kept across
/// batches) would last all of it. The absolute figures are printed.
/// </summary>
public sealed class BackfillLockWaitTests(ITestOutputHelper output)
{
    private const int Rows = 1_000_000;

    // A batch's row locks last as long as the batch runs, so the size decides the worst wait.
    private const int BatchSize = 1000;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private static TestMigrationSource Source() => new TestMigrationSource()
        .Add("1_big.sql", "-- migrate:up\nCREATE TABLE big (id bigint PRIMARY KEY, v int NOT NULL, w int, touched int NOT NULL DEFAULT 0);\n" +
            $"INSERT INTO big (id, v) SELECT g, g % 1000 FROM generate_series(1, {Rows}) g;\n")
        .Add("2_backfill_w.sql", $"-- migrate:up transaction:false\n-- strata:batch size={BatchSize}\nUPDATE big SET w = v * 2 WHERE w IS DISTINCT FROM v * 2;\n");

    [Fact]
    public async Task A_backfill_of_a_million_rows_makes_a_single_row_update_wait_no_longer_than_one_short_batch()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.Migrator(Source()).UpAsync(Strata.Core.Planning.MigrationTarget.Steps(1));
        await db.ExecuteAsync("VACUUM ANALYZE big");
        using var stop = new CancellationTokenSource(Bound);

        var started = Stopwatch.StartNew();
        var backfill = Task.Run(() => db.Migrator(Source()).UpAsync(cancellationToken: stop.Token));
        var waits = new ConcurrentBag<TimeSpan>();
        var sampled = Task.Run(() => SampleAsync(db, backfill, stop.Token));
        var updates = await UpdateSingleRowsAsync(db, backfill, waits, stop.Token);
        await backfill;
        var took = started.Elapsed;
        var (longestWait, longestTransaction) = await sampled;

        var longest = waits.Max();
        var blocked = waits.Count(w => w > TimeSpan.FromMilliseconds(5));

        output.WriteLine($"{updates} single-row updates during a backfill of {took.TotalSeconds:0.0} s, {blocked} slower than 5 ms; longest update (wall time) " +
            $"{longest.TotalMilliseconds:0.0} ms; seen in the server: longest lock wait {longestWait.TotalMilliseconds:0.0} ms, longest writing transaction {longestTransaction.TotalMilliseconds:0.0} ms");
        (await db.ScalarAsync<long>("SELECT count(*) FROM big WHERE w = v * 2")).ShouldBe(Rows);
        updates.ShouldBeGreaterThan(100);
        longestTransaction.ShouldBeLessThan(took / 10, "a batch's transaction, and so its row locks, lasts a small part of the backfill");
        longestWait.ShouldBeLessThan(took / 10, "an update waits at most for the batch holding its row");
    }

    // Updates one row at a time until the backfill ends: every other one just ahead of the backfill's last committed key,
    // in the batch it is writing, the others anywhere. Each update's wall time bounds its lock wait.
    private static async Task<int> UpdateSingleRowsAsync(TestDatabase db, Task backfill, ConcurrentBag<TimeSpan> waits, CancellationToken cancellationToken)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
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
            await update.ExecuteNonQueryAsync(cancellationToken);
            waits.Add(clock.Elapsed);
            count++;
        }

        return count;
    }

    // Polls the server: how long the longest-waiting ungranted lock has waited, and how long the oldest writing
    // transaction of a client has been open (a backfill batch: the updates are single statements). Keeps the longest
    // of each.
    private static async Task<(TimeSpan Wait, TimeSpan Transaction)> SampleAsync(TestDatabase db, Task backfill, CancellationToken cancellationToken)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(cancellationToken);
        await using var sample = new NpgsqlCommand(
            """
            SELECT coalesce((SELECT max(extract(epoch FROM clock_timestamp() - l.waitstart)) FROM pg_locks l
                             WHERE NOT l.granted AND l.pid IN (SELECT pid FROM pg_stat_activity WHERE datname = current_database())), 0)::float8,
                   coalesce((SELECT max(extract(epoch FROM clock_timestamp() - xact_start)) FROM pg_stat_activity
                             WHERE datname = current_database() AND backend_type = 'client backend' AND backend_xid IS NOT NULL
                               AND pid <> pg_backend_pid()), 0)::float8
            """,
            connection);
        TimeSpan wait = TimeSpan.Zero, transaction = TimeSpan.Zero;
        while (!backfill.IsCompleted)
        {
            await using (var reader = await sample.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                wait = TimeSpan.FromSeconds(Math.Max(wait.TotalSeconds, reader.GetDouble(0)));
                transaction = TimeSpan.FromSeconds(Math.Max(transaction.TotalSeconds, reader.GetDouble(1)));
            }

            await Task.Delay(2, cancellationToken);
        }

        return (wait, transaction);
    }
}
