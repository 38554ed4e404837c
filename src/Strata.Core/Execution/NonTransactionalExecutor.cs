using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Logging;
using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>
/// Runs a <c>transaction:false</c> section statement by statement outside any transaction. Its history row says
/// <c>running</c> (or <c>reverting</c>) with the number of completed statements until the last one completes, so an
/// interruption is always visible. A statement that hits <c>lock_timeout</c> did not take effect and is retried alone.
/// </summary>
internal sealed class NonTransactionalExecutor(StepSql sql, LockRetryPolicy retry, ILogger logger)
{
    public async Task<MigrationStepResult> RunAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, CancellationToken cancellationToken)
    {
        var section = migration.Section(direction);
        var clock = Stopwatch.StartNew();
        var attempts = 1;
        await BookkeepAsync(connection, sql.NonTransactionalStart(migration, direction), migration, direction, 0, cancellationToken);
        var completed = 0;
        try
        {
            for (; completed < section.Statements.Count; completed++)
            {
                attempts = Math.Max(attempts, await RunStatementAsync(connection, migration, direction, completed, cancellationToken));
                await BookkeepAsync(connection, [sql.Progress(migration, completed + 1)], migration, direction, completed + 1, cancellationToken);
            }

            await BookkeepAsync(connection, sql.NonTransactionalFinish(migration, direction), migration, direction, section.Statements.Count, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            // Once the running row exists, a cancellation leaves the migration part-way: say so rather than "nothing happened".
            throw new MigrationInterruptedException(
                $"cancelled while the transaction:false migration {MigrationNames.Id(migration)} was running {direction.ToString().ToLowerInvariant()}; " +
                Interrupted(migration, direction, completed, certain: false),
                ex,
                ex.CancellationToken);
        }

        return new MigrationStepResult(migration.Version, migration.Description, migration.Source, direction, false, clock.Elapsed, attempts);
    }

    private async Task<int> RunStatementAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, int index, CancellationToken cancellationToken)
    {
        var section = migration.Section(direction);
        var statement = section.Statements[index];
        var concurrentIndex = StatementClassifier.Classify(statement.Text, connection.PostgreSqlVersion.Major).ConcurrentIndex;
        var state = Interrupted(migration, direction, index);
        return await retry.RunAsync(
            migration,
            sql.LockTimeout(section),
            $"statement {index + 1} did not take effect, {state}",
            async attempt =>
            {
                try
                {
                    if (concurrentIndex is not null)
                    {
                        await DropInvalidAsync(connection, migration, concurrentIndex, cancellationToken);
                    }

                    logger.RunningStatement(MigrationNames.Id(migration), index + 1, section.Statements.Count, statement.Line);
                    await Db.ExecuteAsync(connection, statement.Text, cancellationToken, timeoutSeconds: 0);
                    return attempt;
                }
                catch (PostgresException ex) when (!ConnectionErrors.IsConnectionLoss(ex) && !LockRetryPolicy.IsLockTimeout(ex))
                {
                    throw MigrationErrors.FromServer(migration, section, statement, ex, state, Repair(migration));
                }
                catch (OperationCanceledException)
                {
                    logger.NonTransactionalCancelled(MigrationNames.Id(migration), index, section.Statements.Count);
                    throw;
                }
                catch (NpgsqlException ex) when (ConnectionErrors.IsConnectionLoss(ex))
                {
                    throw MigrationErrors.ConnectionLost(migration, ex, Interrupted(migration, direction, index, certain: false), Repair(migration));
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

    private static async Task BookkeepAsync(
        NpgsqlConnection connection, IEnumerable<BoundSql> statements, Migration migration, MigrationDirection direction, int completed, CancellationToken cancellationToken)
    {
        try
        {
            await Db.ExecuteAsync(connection, statements, cancellationToken);
        }
        catch (NpgsqlException ex) when (ConnectionErrors.IsConnectionLoss(ex))
        {
            throw MigrationErrors.ConnectionLost(migration, ex, Interrupted(migration, direction, completed, certain: false), Repair(migration));
        }
        catch (PostgresException ex) when (HistoryTableLost.IsMissingTable(ex))
        {
            var total = migration.Section(direction).Statements.Count;
            throw HistoryTableLost.Error(migration, ex, $"this transaction:false migration had completed {completed} of its {total} statements, which stay applied");
        }
    }

    private static NextStep[] Repair(Migration migration) => [new NextStep(NextStepKind.Repair, migration.Version.Value)];

    private static string Interrupted(Migration migration, MigrationDirection direction, int completed, bool certain = true)
    {
        var total = migration.Section(direction).Statements.Count;
        var status = direction == MigrationDirection.Up ? HistoryCodes.Running : HistoryCodes.Reverting;
        return certain
            ? $"it is recorded as {status} with {completed} of {total} statements completed: run repair to resolve it"
            : $"it may be recorded as {status} with {completed} of {total} statements completed: run status, and repair if it is";
    }
}
