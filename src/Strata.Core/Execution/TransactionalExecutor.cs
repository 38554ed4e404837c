using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.History;
using Strata.Core.Logging;
using Strata.Core.Migrations;
using Strata.Core.Sql;

namespace Strata.Core.Execution;

/// <summary>
/// Runs a section in one transaction together with its history change, sent as a single batch (one round trip):
/// on any error everything rolls back and nothing is recorded. Lock timeouts are retried with backoff.
/// </summary>
internal sealed class TransactionalExecutor(StepSql sql, LockRetryPolicy retry, ILogger logger)
{
    // A run waits for the WAL flush only at its last commit: a server that went down may also have lost the migrations
    // committed in its last moment, each with its history row.
    private const string ConnectionLostState =
        "its transaction was rolled back unless the connection broke during COMMIT, and if the server itself went down, the migrations " +
        "committed in its last moment may be undone too: run status to see what is recorded, then run the command again";

    /// <summary>Runs <paramref name="migration"/>; on success the session's settings hold the batch's <see cref="TransactionalBatch.After"/>.</summary>
    public async Task<MigrationStepResult> RunAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, TransactionalBatch commands, CancellationToken cancellationToken)
    {
        var section = migration.Section(direction);
        var started = Stopwatch.GetTimestamp();
        return await retry.RunAsync(
            migration,
            sql.LockTimeout(section),
            "nothing of it was applied or recorded, and migrations before it in this run stay applied",
            async attempt =>
            {
                await RunOnceAsync(connection, migration, direction, commands, cancellationToken);
                return new MigrationStepResult(migration.Version, migration.Description, migration.Source, direction, true, Stopwatch.GetElapsedTime(started), attempt);
            },
            logger,
            cancellationToken);
    }

    /// <summary>One attempt; a lock timeout is rethrown as it is, after the rollback, for the retry policy.</summary>
    private async Task RunOnceAsync(
        NpgsqlConnection connection, Migration migration, MigrationDirection direction, TransactionalBatch commands, CancellationToken cancellationToken)
    {
        var section = migration.Section(direction);
        await using var batch = new NpgsqlBatch(connection) { Timeout = 0 };
        foreach (var command in commands.Commands)
        {
            batch.BatchCommands.Add(command.ToBatchCommand());
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (!ConnectionErrors.IsConnectionLoss(ex))
        {
            await RollbackAsync(connection);
            if (LockRetryPolicy.IsLockTimeout(ex))
            {
                // For the retry policy, naming the statement that waited when it was one of the section's.
                if (FailedStatement(batch, commands.FirstStatement, section) is { } waited)
                {
                    throw MigrationErrors.FromServer(migration, section, waited, ex);
                }

                throw;
            }

            var failed = FailedAt(batch);
            var rolledBack = direction == MigrationDirection.Up
                ? "the migration was rolled back, so nothing of it was applied"
                : "the migration's down section was rolled back, so it stays applied";
            if (failed == commands.FirstStatement + section.Statements.Count)
            {
                // The history change after the statements failed, not the file's last line.
                throw HistoryTableLost.IsMissingTable(ex)
                    ? HistoryTableLost.Error(migration, ex, rolledBack)
                    : HistoryRefusal.Write(sql.HistoryTable, ex, $"migration {MigrationNames.Id(migration)}: {rolledBack}");
            }

            throw failed == commands.Commands.Count - 1
                ? MigrationErrors.AtCommit(migration, section, ex, rolledBack)
                : MigrationErrors.FromServer(migration, section, FailedStatement(batch, commands.FirstStatement, section), ex);
        }
        catch (OperationCanceledException)
        {
            await RollbackAsync(connection);
            throw;
        }
        catch (NpgsqlException ex) when (ConnectionErrors.IsConnectionLoss(ex))
        {
            throw MigrationErrors.ConnectionLost(migration, ex, ConnectionLostState);
        }
    }

    // The index of the command that failed, or -1: Npgsql fills in the statement type of each command as it
    // completes, so the first one left unknown is the one that failed.
    private static int FailedAt(NpgsqlBatch batch)
    {
        for (var i = 0; i < batch.BatchCommands.Count; i++)
        {
            if (batch.BatchCommands[i].StatementType == StatementType.Unknown)
            {
                return i;
            }
        }

        return -1;
    }

    // The statement of the section that failed; null when the command that failed was not one of them (the COMMIT).
    private static SqlStatement? FailedStatement(NpgsqlBatch batch, int firstStatement, MigrationSection section)
    {
        var index = FailedAt(batch) - firstStatement;
        return index >= 0 && index < section.Statements.Count ? section.Statements[index] : null;
    }

    // The batch's BEGIN left the session in an aborted transaction; it must be ended before the connection is reused.
    private async Task RollbackAsync(NpgsqlConnection connection)
    {
        try
        {
            await Db.ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            logger.RollbackFailed(ServerErrorText.Describe(ex));
        }
    }
}
