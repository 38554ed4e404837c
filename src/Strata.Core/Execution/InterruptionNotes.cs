using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.History;
using Strata.Core.Locking;
using Strata.Core.Planning;

namespace Strata.Core.Execution;

/// <summary>
/// What <c>status</c> says of each interrupted migration besides its state: how far it got, how far the batched
/// statement it stopped in got, and whether a run holds the migration lock now. A history row says <c>running</c>
/// both while its run goes on and after the run died; only the lock tells them apart.
/// </summary>
internal static class InterruptionNotes
{
    /// <summary>The status with a note on each interrupted migration; read only when there is one.</summary>
    public static async Task<StatusResult> AddAsync(
        StatusResult status, MigrationLedger ledger, NpgsqlConnection connection, HistoryStore history, ILogger logger, CancellationToken cancellationToken)
    {
        var interrupted = await new Repairer(history, logger).InspectAsync(connection, ledger, cancellationToken);
        var holder = await LockHolderAsync(connection, history, cancellationToken);
        var notes = interrupted.ToDictionary(i => i.Version, i => Describe(i, holder));
        return status with
        {
            Migrations = [.. status.Migrations.Select(m => notes.TryGetValue(m.Version, out var note) ? m with { Progress = note, RunningBy = holder?.ToString() } : m)],
        };
    }

    /// <summary>
    /// The session holding the migration lock now, or null: a run that holds it while a row says running is most
    /// likely still running that migration, not interrupted.
    /// </summary>
    public static Task<LockHolder?> LockHolderAsync(NpgsqlConnection connection, HistoryStore history, CancellationToken cancellationToken) =>
        new LockProbe(connection, MigrationLockKey.Compute(connection.Database, history.Table)).FindHolderAsync(cancellationToken);

    private static string Describe(InterruptedMigration migration, LockHolder? holder)
    {
        var direction = migration.Status == HistoryStatus.Reverting ? "down" : "up";
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{direction}: {migration.StatementsCompleted} of {migration.StatementsTotal} statements done"),
        };
        if (migration.NextStatement is { } next)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"statement {migration.StatementsCompleted + 1} at line {next.Line} not finished"));
        }

        if (migration.Backfill is { } backfill)
        {
            parts.Add(backfill.Describe());
        }

        if (holder is not null)
        {
            // An index that a build still in progress is making stays invalid until the build ends: not reported.
            parts.Add($"a run holds the migration lock now, most likely still running it ({holder})");
        }
        else
        {
            if (migration.InvalidIndexesNote is { } invalid)
            {
                parts.Add(invalid);
            }

            parts.Add("no run holds the migration lock: it stopped");
        }

        return string.Join("; ", parts);
    }
}
