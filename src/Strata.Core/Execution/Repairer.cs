using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Execution.Batching;
using Strata.Core.History;
using Strata.Core.Logging;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Core.Execution;

/// <summary>Reports interrupted <c>transaction:false</c> migrations and resolves one by an explicit choice.</summary>
internal sealed class Repairer(HistoryStore store, ILogger logger)
{
    public async Task<IReadOnlyList<InterruptedMigration>> InspectAsync(
        NpgsqlConnection connection, MigrationLedger ledger, CancellationToken cancellationToken)
    {
        var found = new List<InterruptedMigration>();
        foreach (var entry in ledger.InState(MigrationState.Interrupted))
        {
            found.Add(await DescribeAsync(connection, entry, cancellationToken));
        }

        return found;
    }

    public async Task<MigrationVersion?> ResolveAsync(
        MigrationSession session, MigrationLedger ledger, IReadOnlyList<InterruptedMigration> interrupted, RepairAction action, MigrationVersion? version, CancellationToken cancellationToken)
    {
        var target = Choose(interrupted, version);
        if (target is null)
        {
            return null;
        }

        var entry = ledger.Find(target.Version)!;
        var (statement, outcome) = (target.Status, action) switch
        {
            (HistoryStatus.Running, RepairAction.Complete) => (store.Sql.CompleteRunning(target.Version), "recorded as applied"),
            (HistoryStatus.Running, _) => (store.Sql.DeleteWithStatus(target.Version, HistoryStatus.Running), "history row removed; up runs it again from its first statement"),
            (_, RepairAction.Complete) => (store.Sql.DeleteWithStatus(target.Version, HistoryStatus.Reverting), "history row removed: it is rolled back"),
            _ => (store.Sql.RestoreReverting(target.Version, entry.Migration?.Up.Statements.Count ?? entry.Record!.StatementsTotal),
                "recorded as applied again; down rolls it back again from its first statement"),
        };
        var connection = await session.ConnectionAsync(cancellationToken);
        try
        {
            // A completed migration has no backfill left to resume: its progress goes with the change that says so.
            var forget = action == RepairAction.Complete && await Db.ScalarAsync<bool>(connection, store.Sql.Backfill.Exists, cancellationToken);
            IReadOnlyList<BoundSql> statements = forget ? [statement, .. store.Sql.Backfill.Forget(target.Version)] : [statement];
            await store.ExecuteAsync(connection, statements, cancellationToken);
        }
        catch (PostgresException ex) when (HistoryRefusal.IsRefusal(ex))
        {
            throw HistoryRefusal.Write(store.Table, ex, $"migration {entry.Id} stays interrupted, as it was");
        }

        logger.MigrationRepaired(entry.Id, action.ToString().ToLowerInvariant(), outcome);
        return target.Version;
    }

    private static InterruptedMigration? Choose(IReadOnlyList<InterruptedMigration> interrupted, MigrationVersion? version)
    {
        if (version is { } wanted)
        {
            return interrupted.FirstOrDefault(i => i.Version == wanted)
                ?? throw new ConfigurationException($"Migration {wanted} is not interrupted, so there is nothing to repair: run status to see its state.");
        }

        return interrupted.Count switch
        {
            0 => null,
            1 => interrupted[0],
            _ => throw new ConfigurationException(
                $"{interrupted.Count} migrations are interrupted ({string.Join(", ", interrupted.Select(i => i.Version))}): name the one to repair.")
            {
                NextSteps = interrupted.Select(i => new NextStep(NextStepKind.Repair, i.Version.Value)).ToList(),
            },
        };
    }

    private async Task<InterruptedMigration> DescribeAsync(NpgsqlConnection connection, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var record = entry.Record!;
        var section = record.Status == HistoryStatus.Running ? entry.Migration?.Up : entry.Migration?.Down;
        var statements = section?.Statements ?? [];
        var completed = Math.Clamp(record.StatementsCompleted, 0, statements.Count);
        var invalid = section is null ? [] : await InvalidIndexes.FindAsync(connection, section, cancellationToken);
        var backfill = section?.Batches.ContainsKey(completed) == true
            ? (await BackfillProgressReader.ReadAsync(connection, store.Sql.Backfill, entry.Version, cancellationToken)).FirstOrDefault(p => p.Statement == completed + 1)
            : null;
        return new InterruptedMigration(
            entry.Version,
            entry.Migration?.Description ?? record.Description,
            entry.Migration?.Source,
            record.Status,
            record.AppliedAt,
            record.StatementsCompleted,
            record.StatementsTotal,
            statements.Take(completed).ToList(),
            completed < statements.Count ? statements[completed] : null,
            invalid,
            entry.Migration is not null && entry.Migration.Checksum != record.Checksum,
            backfill);
    }
}
