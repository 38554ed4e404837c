using Strata.Core.Configuration;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>Builds the results of <c>status</c> and <c>validate</c> from a ledger.</summary>
internal static class StatusReport
{
    public static StatusResult Status(MigrationLedger ledger, HistoryTableName table, bool tableExists)
    {
        var entries = ledger.Entries
            .Select(e => new MigrationStatusEntry(e.Version, e.Migration?.Description ?? e.Record!.Description, e.Migration?.Source, e.State, e.Record)
            {
                Phase = e.Record?.Phase ?? e.Migration!.Phase,
                ResumesBackfill = e.ResumesBackfill,
            })
            .ToList();
        return new StatusResult(table, tableExists, entries, ledger.CurrentVersion, ledger.NotApplied.Count());
    }

    /// <summary>Every problem, by version. Out-of-order pending migrations are not a problem when they are allowed.</summary>
    /// <param name="ledger">The ledger to check.</param>
    /// <param name="options">The options <c>up</c> would run with.</param>
    /// <param name="notes">Extra text for a version's problem, such as invalid indexes an interrupted migration left.</param>
    /// <param name="runningBy">The run holding the migration lock now, in words, or null: while one does, an interrupted migration is still running.</param>
    public static ValidationResult Validate(
        MigrationLedger ledger, MigratorOptions options, IReadOnlyDictionary<MigrationVersion, string> notes, string? runningBy)
    {
        var problems = new List<ValidationProblem>();
        var running = new List<string>();
        foreach (var entry in ledger.Entries)
        {
            if (entry.State == MigrationState.Interrupted && runningBy is not null)
            {
                running.Add(ProblemMessages.Running(entry, runningBy));
                continue;
            }

            var problem = entry.State switch
            {
                MigrationState.Edited => new ValidationProblem(ValidationProblemKind.Edited, entry.Version, ProblemMessages.Edited(entry)),
                MigrationState.Missing => new ValidationProblem(ValidationProblemKind.Missing, entry.Version, ProblemMessages.Missing(entry)),
                MigrationState.OutOfOrder when !options.AllowOutOfOrder =>
                    new ValidationProblem(ValidationProblemKind.OutOfOrder, entry.Version, ProblemMessages.OutOfOrder(entry, ledger)),
                MigrationState.Interrupted =>
                    new ValidationProblem(ValidationProblemKind.Interrupted, entry.Version, ProblemMessages.Interrupted(entry) + notes.GetValueOrDefault(entry.Version)),
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add(problem with { NextStep = ProblemMessages.Step(entry) });
            }
        }

        return new ValidationResult(problems) { Running = running };
    }
}
