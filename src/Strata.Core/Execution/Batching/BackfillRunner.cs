using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Logging;
using Strata.Core.Migrations;

namespace Strata.Core.Execution.Batching;

/// <summary>
/// Runs a <c>-- strata:batch</c> statement over its table's primary key: the key space is fixed at the start (its
/// largest key), then each batch picks the next at most N keys by keyset, runs the statement restricted to that key
/// range and records the batch's last key in the same short transaction. No lock outlives a batch, and a killed run
/// resumes after the last batch that committed.
/// </summary>
/// <param name="sql">The bookkeeping statements.</param>
/// <param name="logger">Where progress is reported.</param>
internal sealed class BackfillRunner(StepSql sql, ILogger logger)
{
    /// <summary>One attempt wrapper: runs the work under the lock-retry policy and returns the attempts it took.</summary>
    public delegate Task<int> Guard(string state, Func<Task> work);

    /// <summary>Runs statement <paramref name="index"/> of the section in batches; returns the most attempts a batch took.</summary>
    public async Task<int> RunAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, int index, bool resume, Guard guard, CancellationToken cancellationToken)
    {
        var id = MigrationNames.Id(migration);
        var number = index + 1;
        var batch = migration.Section(direction).Batches[index];
        (BackfillKey Key, BackfillState State)? start = null;
        // The catalog read and the progress row's first write get the same error handling and retries as a batch.
        await guard("no batch of it ran yet", async () => start = await StartAsync(connection, migration, direction, index, resume, cancellationToken));
        var (key, state) = start!.Value;

        var meter = new BackfillMeter(logger, id, key.Table, state);
        var queries = new BackfillQueries(key, batch);
        var (last, attempts, previousRows) = (state.LastKey, 1, 0L);
        while (state.UpperKey is not null)
        {
            BatchOutcome? done = null;
            var (from, rows) = (last, previousRows);
            attempts = Math.Max(attempts, await guard(
                $"the batch after key {from ?? "(start)"} did not take effect and the batches before it stay committed",
                async () => done = await RunBatchAsync(connection, migration, number, queries, from, state.UpperKey, rows, cancellationToken)));
            if (done is null)
            {
                break;
            }

            (last, previousRows) = (done.LastKey, done.Rows);
            meter.Add(done.Keys, done.Rows);
            if (batch.Pause > TimeSpan.Zero)
            {
                await Task.Delay(batch.Pause, cancellationToken);
            }
        }

        meter.Completed();
        return attempts;
    }

    // Picks the next keys (no lock taken), then sends the restricted statement and the progress write as one implicit
    // transaction: a single round trip, so the rows it locks are held only while the server runs it, never across a
    // client's turn. The rows it changed are recorded with the next batch, which keeps that write in the same trip.
    private async Task<BatchOutcome?> RunBatchAsync(
        NpgsqlConnection connection, Migration migration, int number, BackfillQueries queries, string? from, string upper, long previousRows, CancellationToken cancellationToken)
    {
        var (keys, to) = await NextRangeAsync(connection, queries, from, upper, cancellationToken);
        if (keys == 0 || to is null)
        {
            return null;
        }

        await using var batch = new NpgsqlBatch(connection) { Timeout = 0 };
        batch.BatchCommands.Add(new BoundSql(queries.Statement(from is null), Args(from, to)).ToBatchCommand());
        batch.BatchCommands.Add(sql.Backfill.Advance(migration.Version, number, to, keys, previousRows).ToBatchCommand());
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return new BatchOutcome(to, keys, (long)batch.BatchCommands[0].Rows);
    }

    private static async Task<(long Keys, string? To)> NextRangeAsync(
        NpgsqlConnection connection, BackfillQueries queries, string? from, string upper, CancellationToken cancellationToken)
    {
        await using var command = new BoundSql(queries.NextRange(from is null), Args(from, upper)).ToCommand(connection);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private static object?[] Args(string? from, string to) => from is null ? [to] : [from, to];

    private async Task<BackfillState?> ReadAsync(NpgsqlConnection connection, Migration migration, int number, CancellationToken cancellationToken)
    {
        if (!await Db.ScalarAsync<bool>(connection, sql.Backfill.Exists, cancellationToken))
        {
            return null;
        }

        await using var command = sql.Backfill.Read(migration.Version, number).ToCommand(connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new BackfillState(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.GetInt32(6));
    }

    /// <summary>
    /// The key statement <paramref name="index"/> walks, or a refusal naming what its table lacks. The refusal of a
    /// section's first statement comes before the section records anything; a later one leaves it interrupted there.
    /// </summary>
    public static async Task<BackfillKey> KeyAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, int index, CancellationToken cancellationToken)
    {
        var section = migration.Section(direction);
        var batch = section.Batches[index];
        var (key, problem) = await BackfillKey.FindAsync(connection, batch.Statement.Table, cancellationToken);
        return key ?? throw MigrationErrors.Refused(
            migration,
            section.Statements[index],
            $"'-- strata:batch' cannot run this {batch.Statement.Command}: {problem}",
            index == 0
                ? "give the table a single-column primary key, or remove the '-- strata:batch' line to run the statement once"
                : "give the table a single-column primary key and run up again, or remove the '-- strata:batch' line to run " +
                  "the statement once and resolve the interrupted migration with repair");
    }

    // Finds the key, then resumes from the progress row, or fixes the key space (its largest key now), estimates its
    // size and records a fresh start.
    private async Task<(BackfillKey Key, BackfillState State)> StartAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, int index, bool resume, CancellationToken cancellationToken)
    {
        var (id, number) = (MigrationNames.Id(migration), index + 1);
        var section = migration.Section(direction);
        var batch = section.Batches[index];
        var key = await KeyAsync(connection, migration, direction, index, cancellationToken);

        if (resume && await ReadAsync(connection, migration, number, cancellationToken) is { } saved)
        {
            // The statement names its table as written, resolved by this session's search_path: resuming on another
            // table of that name would finish the wrong one and record the backfill done.
            if (!key.IsTable(saved.Table))
            {
                throw MigrationErrors.Refused(
                    migration,
                    section.Statements[index],
                    $"the interrupted backfill walked {saved.Table}, but {batch.Statement.Table} now names {key.Table}",
                    $"give the session the settings the first run had, so that {batch.Statement.Table} names {saved.Table} again, then run up; " +
                    "or resolve the migration with repair");
            }

            if (saved.LastKey is not null)
            {
                logger.BackfillResuming(id, key.Table, saved.LastKey, saved.KeysDone, saved.Batches);
            }

            return (key, saved);
        }

        await using var command = new BoundSql(BackfillQueries.Extent(key)).ToCommand(connection);
        command.CommandTimeout = 0;
        string? upper;
        long total;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (upper, total) = (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1));
        }

        await Db.ExecuteAsync(connection, sql.Backfill.CreateTable, cancellationToken);
        await Db.ExecuteAsync(connection, sql.Backfill.KeepWritesToOwner, cancellationToken);
        await Db.ExecuteAsync(connection, [sql.Backfill.Start(migration.Version, number, key.Table, key.Column, upper, total)], cancellationToken);
        logger.BackfillStarting(id, key.Table, key.Column, batch.Size, total);
        return (key, new BackfillState(key.Table, upper, null, total, 0, 0, 0));
    }

    private sealed record BatchOutcome(string LastKey, long Keys, long Rows);
}
