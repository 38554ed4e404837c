using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Logging;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Core.Execution;

/// <summary>
/// Records migrations as applied without running them (stamp, baseline), or removes a row (unstamp). Each checks first
/// and asks the session for its work connection (which creates a missing history table) only to write.
/// </summary>
internal sealed class HistoryRecorder(HistoryStore store, ILogger logger)
{
    public async Task<StampResult> StampAsync(MigrationSession session, MigrationLedger ledger, MigrationVersion version, CancellationToken cancellationToken)
    {
        var entry = ledger.Find(version);
        if (entry?.Migration is null)
        {
            throw new ConfigurationException($"There is no migration with version {version} to stamp: stamp records a migration of the source as applied.");
        }

        switch (entry.State)
        {
            case MigrationState.Interrupted:
                throw new ValidationFailedException($"Refusing to stamp: {ProblemMessages.Interrupted(entry)}.")
                {
                    NextSteps = ProblemMessages.Steps([entry]),
                };
            case MigrationState.Applied or MigrationState.Edited:
                // Never a silent no-op: whoever stamps a recorded migration expected something to change.
                throw new ValidationFailedException(
                    $"Refusing to stamp: migration {entry.Id} is already recorded as applied in {store.Table}, so stamping it would change nothing; " +
                    "to record it again, remove its row first, and see what is recorded in the status.")
                {
                    NextSteps = [new NextStep(NextStepKind.Unstamp, version.Value), new NextStep(NextStepKind.ShowStatus)],
                };
        }

        await store.ExecuteAsync(await session.ConnectionAsync(cancellationToken), store.Sql.InsertRecorded(entry.Migration, HistoryOrigin.Stamp), cancellationToken);
        logger.MigrationRecorded(entry.Id, HistoryCodes.Of(HistoryOrigin.Stamp));
        return new StampResult(HistoryOrigin.Stamp, [version], [], []);
    }

    public async Task<StampResult> UnstampAsync(MigrationSession session, MigrationLedger ledger, MigrationVersion version, CancellationToken cancellationToken)
    {
        var entry = ledger.Find(version);
        if (entry?.Record is null)
        {
            throw new ConfigurationException($"Migration {version} has no history row to remove: check the version with status.");
        }

        if (entry.State == MigrationState.Interrupted)
        {
            throw new ValidationFailedException($"Refusing to remove the history row: {ProblemMessages.Interrupted(entry)}.")
            {
                NextSteps = ProblemMessages.Steps([entry]),
            };
        }

        await store.ExecuteAsync(await session.ConnectionAsync(cancellationToken), store.Sql.Delete(version), cancellationToken);
        logger.MigrationUnrecorded(entry.Id);
        return new StampResult(HistoryOrigin.Stamp, [], [version], []);
    }

    /// <summary>Removes every row of <paramref name="version"/> under the lock, without reading the (inconsistent) history.</summary>
    public async Task<StampResult> UnstampEverySpellingAsync(NpgsqlDataSource dataSource, MigratorOptions options, MigrationVersion version, CancellationToken cancellationToken)
    {
        await using var migrationLock = await Locking.MigrationLock.AcquireAsync(dataSource, store.Table, Locking.LockWait.From(options), logger, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = store.Sql.DeleteEverySpelling(version).ToCommand(connection);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new ConfigurationException($"Migration {version} has no history row to remove: check the versions the history table holds.");
        }

        logger.MigrationUnrecorded(version.Value);
        return new StampResult(HistoryOrigin.Stamp, [], [version], []);
    }

    public async Task<StampResult> BaselineAsync(MigrationSession session, MigrationLedger ledger, MigrationVersion version, CancellationToken cancellationToken)
    {
        var recorded = ledger.Entries.Count(e => e.Record is not null);
        if (recorded > 0)
        {
            throw new ValidationFailedException(
                $"Refusing to baseline: the history table {store.Table} already has {recorded} row(s) (newest applied: {ledger.NewestRecorded}), and baseline " +
                "only fills an empty history; record single migrations with stamp, remove a wrong row with stamp's remove option, and see what is recorded in the status.")
            {
                NextSteps = [new NextStep(NextStepKind.Stamp), new NextStep(NextStepKind.Unstamp), new NextStep(NextStepKind.ShowStatus)],
            };
        }

        if (ledger.Find(version)?.Migration is null)
        {
            throw new ConfigurationException($"There is no migration with version {version} to baseline at: give the version of the last migration the database already has.");
        }

        var migrations = ledger.Entries.Where(e => e.Version <= version).Select(e => e.File).ToList();
        await store.ExecuteAsync(await session.ConnectionAsync(cancellationToken), migrations.Select(m => store.Sql.InsertRecorded(m, HistoryOrigin.Baseline)), cancellationToken);
        foreach (var migration in migrations)
        {
            logger.MigrationRecorded(MigrationNames.Id(migration), HistoryCodes.Of(HistoryOrigin.Baseline));
        }

        return new StampResult(HistoryOrigin.Baseline, migrations.Select(m => m.Version).ToList(), [], []);
    }
}
