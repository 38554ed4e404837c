using System.Data;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Logging;
using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>Runs migrations one after another in one direction, each with the executor its section asks for.</summary>
internal sealed class StepRunner(StepSql sql, TransactionalExecutor transactional, NonTransactionalExecutor nonTransactional, ILogger logger)
{
    public async Task<MigrationRunResult> RunAsync(
        MigrationSession session, IReadOnlyList<Migration> migrations, MigrationDirection direction, CancellationToken cancellationToken)
    {
        var name = direction.ToString().ToLowerInvariant();
        if (migrations.Count == 0)
        {
            logger.NothingToRun(name);
            return new MigrationRunResult(direction, false, []);
        }

        var connection = await session.ConnectionAsync(cancellationToken);

        var results = new List<MigrationStepResult>(migrations.Count);
        var settings = SessionSettings.NotSet;
        for (var i = 0; i < migrations.Count; i++)
        {
            var migration = migrations[i];
            var id = MigrationNames.Id(migration);
            var inTransaction = migration.Section(direction).Options.Transaction;
            logger.MigrationStarting(id, name, inTransaction ? "in a transaction" : "transaction:false");
            MigrationStepResult result;
            try
            {
                var before = results.Count == 0 ? "nothing was run" : $"the {results.Count} migration(s) before it stay {(direction == MigrationDirection.Up ? "applied" : "reverted")}";
                var notStarted = $"migration {id} was not started and {before}";
                if (inTransaction)
                {
                    await session.EnsureLockHeldRecentlyAsync(notStarted, [], cancellationToken);
                    var batch = sql.Transactional(migration, direction, settings, last: i == migrations.Count - 1);
                    result = await transactional.RunAsync(connection, migration, direction, batch, cancellationToken);
                    settings = batch.After;
                }
                else
                {
                    await session.EnsureLockHeldAsync(notStarted, [], cancellationToken);
                    result = await nonTransactional.RunAsync(connection, migration, direction, session.EnsureLockHeldAsync, cancellationToken);
                    // It reset the session's settings to their own values when it finished.
                    settings = SessionSettings.NotSet;
                }
            }
            catch (Exception ex)
            {
                if (settings == SessionSettings.RunDefaults)
                {
                    await ResetSettingsAsync(connection);
                }

                PartialRun.Attach(ex, new MigrationRunResult(direction, false, results));
                throw;
            }

            logger.MigrationCompleted(id, name, result.Duration.TotalMilliseconds, result.Attempts);
            results.Add(result);
        }

        return new MigrationRunResult(direction, false, results);
    }

    // A run that stops part-way must not leave the run's settings on a connection that goes back to a pool which may
    // not reset it, nor report migrations whose commits have not reached disk yet. Nothing is sent over a connection
    // that was lost.
    private async Task ResetSettingsAsync(NpgsqlConnection connection)
    {
        if (connection.State != ConnectionState.Open)
        {
            return;
        }

        try
        {
            await Db.ExecuteAsync(connection, StepSql.ResetSessionSettings, CancellationToken.None);
            if (!await WalFlushWait.WaitAsync(connection, TimeProvider.System, CancellationToken.None))
            {
                logger.CommitsNotFlushed(WalFlushWait.Limit.TotalSeconds);
            }
        }
        catch (NpgsqlException ex)
        {
            logger.SessionSettingsNotReset(ServerErrorText.Describe(ex));
        }
    }

    /// <summary>What <see cref="RunAsync"/> would run, with nothing executed.</summary>
    public static MigrationRunResult DryRun(IReadOnlyList<Migration> migrations, MigrationDirection direction)
    {
        var steps = migrations
            .Select(m => new MigrationStepResult(m.Version, m.Description, m.Source, direction, m.Section(direction).Options.Transaction, TimeSpan.Zero, 0))
            .ToList();
        return new MigrationRunResult(direction, true, steps);
    }
}
