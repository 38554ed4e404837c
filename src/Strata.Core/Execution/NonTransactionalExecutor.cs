using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Execution.Batching;
using Strata.Core.History;
using Strata.Core.Logging;
using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>
/// Runs a <c>transaction:false</c> section statement by statement outside any transaction. Its history row says
/// <c>running</c> (or <c>reverting</c>) with the number of completed statements until the last one completes, so an
/// interruption is always visible. A statement that hits <c>lock_timeout</c> did not take effect and is retried alone.
/// A statement marked <c>-- strata:batch</c> runs in batches, and an up section interrupted at one resumes there.
/// </summary>
internal sealed class NonTransactionalExecutor(StepSql sql, LockRetryPolicy retry, ILogger logger)
{
    private readonly BackfillRunner _backfill = new(sql, logger);

    /// <param name="connection">The work connection.</param>
    /// <param name="migration">The migration to run.</param>
    /// <param name="direction">Which section.</param>
    /// <param name="lockHeld">Throws when the migration lock was lost, given what the run leaves and what to do then.</param>
    /// <param name="cancellationToken">Cancels the running statement.</param>
    public async Task<MigrationStepResult> RunAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction,
        Func<string, IReadOnlyList<NextStep>, CancellationToken, Task> lockHeld, CancellationToken cancellationToken)
    {
        var section = migration.Section(direction);
        var clock = Stopwatch.StartNew();
        var attempts = 1;
        var resumeAt = await ResumePointAsync(connection, migration, direction, cancellationToken);
        if (resumeAt is null && section.Batches.ContainsKey(0))
        {
            // Nothing before it can give its table a key: a table it cannot walk is refused before the section starts.
            await BackfillRunner.KeyAsync(connection, migration, direction, 0, cancellationToken);
        }

        IReadOnlyList<BoundSql> start = resumeAt is { } at ? sql.NonTransactionalResume(migration, direction, at)
            : section.Batches.Count == 0 ? sql.NonTransactionalStart(migration, direction)
            : [.. sql.NonTransactionalStart(migration, direction), .. sql.Backfill.Forget(migration.Version)];
        await BookkeepAsync(
            connection,
            start,
            migration,
            direction,
            0,
            cancellationToken);
        var completed = resumeAt ?? 0;
        try
        {
            await RestoreSessionAsync(connection, migration, completed, cancellationToken);
            for (; completed < section.Statements.Count; completed++)
            {
                var batched = section.Batches.ContainsKey(completed);
                attempts = Math.Max(attempts, batched
                    ? await RunBatchedAsync(connection, migration, direction, completed, resumeAt == completed, cancellationToken)
                    : await RunStatementAsync(connection, migration, direction, completed, cancellationToken));
                IEnumerable<BoundSql> progress = batched
                    ? [sql.Progress(migration, completed + 1), sql.Backfill.Delete(migration.Version, completed + 1)]
                    : [sql.Progress(migration, completed + 1)];
                await BookkeepAsync(connection, progress, migration, direction, completed + 1, cancellationToken, recorded: completed);
            }

            // Recorded only while this run still holds the lock: without it, another run may have resolved the row meanwhile.
            await lockHeld($"migration {MigrationNames.Id(migration)} ran all its statements but was not recorded; {Interrupted(migration, direction, completed)}", NextSteps(migration, direction, completed), cancellationToken);
            await BookkeepAsync(connection, sql.NonTransactionalFinish(migration, direction), migration, direction, section.Statements.Count, cancellationToken, recorded: completed);
        }
        catch (OperationCanceledException ex)
        {
            // Once the running row exists, a cancellation leaves the migration part-way: say so rather than "nothing happened".
            throw new MigrationInterruptedException(
                $"cancelled while the transaction:false migration {MigrationNames.Id(migration)} was running {direction.ToString().ToLowerInvariant()}; " +
                Interrupted(migration, direction, completed, certain: false),
                ex,
                ex.CancellationToken)
            {
                Version = migration.Version.Value,
                NextSteps = NextSteps(migration, direction, completed),
            };
        }

        return new MigrationStepResult(migration.Version, migration.Description, migration.Source, direction, false, clock.Elapsed, attempts);
    }

    // An up section that ran batched statements and was interrupted at one has a running row: it resumes where it stopped.
    private async Task<int?> ResumePointAsync(NpgsqlConnection connection, Migration migration, MigrationDirection direction, CancellationToken cancellationToken)
    {
        if (direction != MigrationDirection.Up || migration.Up.Batches.Count == 0)
        {
            return null;
        }

        var at = await Db.ScalarAsync<int?>(connection, sql.RunningAt(migration), cancellationToken);
        return at is { } index && migration.Up.Batches.ContainsKey(index) ? index : null;
    }

    // A resumed section skips the statements before the backfill, but its SET and RESET statements shaped the session
    // the backfill ran in (search_path decides its table, a role its rights, session_replication_role its triggers):
    // they run again, in order, so the resumed batches run as the first ones did.
    private async Task RestoreSessionAsync(NpgsqlConnection connection, Migration migration, int resumeAt, CancellationToken cancellationToken)
    {
        var statements = migration.Up.Statements;
        for (var index = 0; index < resumeAt; index++)
        {
            if (StatementClassifier.IsSessionSetting(statements[index].Text))
            {
                logger.ReplayingSessionSetting(MigrationNames.Id(migration), index + 1, statements[index].Line);
                var text = statements[index].Text;
                await GuardAsync(
                    migration,
                    MigrationDirection.Up,
                    index,
                    $"no batch ran in this run, {Interrupted(migration, MigrationDirection.Up, resumeAt)}",
                    () => Db.ExecuteAsync(connection, text, cancellationToken, timeoutSeconds: 0),
                    cancellationToken);
            }
        }
    }

    private Task<int> RunBatchedAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, int index, bool resume, CancellationToken cancellationToken)
    {
        var section = migration.Section(direction);
        var statement = section.Statements[index];
        logger.RunningStatement(MigrationNames.Id(migration), index + 1, section.Statements.Count, statement.Line);
        return _backfill.RunAsync(
            connection,
            migration,
            direction,
            index,
            resume,
            (state, work) => GuardAsync(migration, direction, index, $"{state}; {Interrupted(migration, direction, index)}", work, cancellationToken),
            cancellationToken);
    }

    private async Task<int> RunStatementAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, int index, CancellationToken cancellationToken)
    {
        var section = migration.Section(direction);
        var statement = section.Statements[index];
        var concurrentIndex = StatementClassifier.Classify(statement.Text, connection.PostgreSqlVersion.Major).ConcurrentIndex;
        return await GuardAsync(
            migration,
            direction,
            index,
            $"statement {index + 1} did not take effect, {Interrupted(migration, direction, index)}",
            async () =>
            {
                if (concurrentIndex is not null)
                {
                    await DropInvalidAsync(connection, migration, concurrentIndex, cancellationToken);
                }

                logger.RunningStatement(MigrationNames.Id(migration), index + 1, section.Statements.Count, statement.Line);
                await Db.ExecuteAsync(connection, statement.Text, cancellationToken, timeoutSeconds: 0);
            },
            cancellationToken);
    }

    // Runs work under the lock-retry policy, turning what the server says into the section's errors.
    private Task<int> GuardAsync(
        Migration migration, MigrationDirection direction, int index, string state, Func<Task> work, CancellationToken cancellationToken)
    {
        var section = migration.Section(direction);
        var statement = section.Statements[index];
        return retry.RunAsync(
            migration,
            sql.LockTimeout(section),
            state,
            async attempt =>
            {
                try
                {
                    await work();
                    return attempt;
                }
                catch (PostgresException ex) when (!ConnectionErrors.IsConnectionLoss(ex))
                {
                    throw MigrationErrors.FromServer(migration, section, statement, ex, Interrupted(migration, direction, index), NextSteps(migration, direction, index));
                }
                catch (OperationCanceledException)
                {
                    logger.NonTransactionalCancelled(MigrationNames.Id(migration), index, section.Statements.Count);
                    throw;
                }
                catch (NpgsqlException ex) when (ConnectionErrors.IsConnectionLoss(ex))
                {
                    throw MigrationErrors.ConnectionLost(migration, ex, Interrupted(migration, direction, index, certain: false), NextSteps(migration, direction, index));
                }
            },
            logger,
            cancellationToken);
    }

    // A CREATE INDEX CONCURRENTLY that failed earlier left an INVALID index; IF NOT EXISTS would skip it, so it is rebuilt.
    private async Task DropInvalidAsync(NpgsqlConnection connection, Migration migration, IndexName name, CancellationToken cancellationToken)
    {
        foreach (var invalid in await InvalidIndexes.FindAsync(connection, [name], cancellationToken))
        {
            logger.DroppingInvalidIndex(MigrationNames.Id(migration), invalid.ToString());
            await InvalidIndexes.DropAsync(connection, invalid, cancellationToken);
        }
    }

    // A history write that meets lock_timeout (another session locks the history table) changed nothing and is tried
    // again under the lock-retry policy; recorded is what the row still says if it never succeeds (-1: no row yet).
    private async Task BookkeepAsync(
        NpgsqlConnection connection, IEnumerable<BoundSql> statements, Migration migration, MigrationDirection direction, int completed, CancellationToken cancellationToken,
        int recorded = -1)
    {
        var total = migration.Section(direction).Statements.Count;
        var state = $"this transaction:false migration had completed {completed} of its {total} statements, which stay applied";
        var unrecorded = recorded < 0 ? "nothing of this transaction:false migration ran, and its history row is as it was"
            : recorded == completed ? $"{state}, and {Interrupted(migration, direction, recorded)}"
            : $"{state} (statement {completed} committed although its history row does not count it), and {Interrupted(migration, direction, recorded)}";
        await retry.RunAsync(
            migration,
            sql.LockTimeout(migration.Section(direction)),
            $"its history row could not be written: {unrecorded}",
            async _ =>
            {
                try
                {
                    if (await Db.ExecuteCheckedAsync(connection, statements, cancellationToken) > 0)
                    {
                        // Another session removed or resolved the row (repair, by hand) while the section ran: never say applied.
                        throw HistoryTableLost.RowGone(migration, direction, state);
                    }

                    return true;
                }
                catch (NpgsqlException ex) when (ConnectionErrors.IsConnectionLoss(ex))
                {
                    throw MigrationErrors.ConnectionLost(migration, ex, Interrupted(migration, direction, completed, certain: false), NextSteps(migration, direction, completed));
                }
                catch (PostgresException ex) when (HistoryRefusal.IsRefusal(ex))
                {
                    throw HistoryTableLost.IsMissingTable(ex) ? HistoryTableLost.Error(migration, ex, state) : HistoryRefusal.Write(sql.HistoryTable, ex, state);
                }
            },
            logger,
            cancellationToken);
    }

    // Stopped in a batched backfill, the migration is resumed by up (as Interrupted says and validate advises);
    // stopped anywhere else, repair resolves it.
    private static NextStep[] NextSteps(Migration migration, MigrationDirection direction, int completed) =>
        [new NextStep(
            direction == MigrationDirection.Up && migration.Up.Batches.ContainsKey(completed) ? NextStepKind.ResumeBackfill : NextStepKind.Repair,
            migration.Version.Value)];

    private static string Interrupted(Migration migration, MigrationDirection direction, int completed, bool certain = true)
    {
        var total = migration.Section(direction).Statements.Count;
        var status = direction == MigrationDirection.Up ? HistoryCodes.Running : HistoryCodes.Reverting;
        if (direction == MigrationDirection.Up && migration.Up.Batches.ContainsKey(completed))
        {
            // The batches that committed recorded their progress with them, so up can pick the backfill up again.
            return $"it is recorded as {status} with {completed} of {total} statements completed and statement {completed + 1}, a batched backfill, " +
                "keeps every batch that committed: run up again to resume it after the last one, or repair to resolve it another way";
        }

        return certain
            ? $"it is recorded as {status} with {completed} of {total} statements completed: run repair to resolve it"
            : $"it may be recorded as {status} with {completed} of {total} statements completed: run status, and repair if it is";
    }
}
