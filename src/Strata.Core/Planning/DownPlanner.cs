using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>
/// Decides which applied migrations <c>down</c> rolls back, newest version first, and checks before anything runs that
/// each one still has its file and a down section.
/// </summary>
internal static class DownPlanner
{
    private static readonly MigrationVersion Zero = MigrationVersion.Parse("0");

    public static IReadOnlyList<Migration> Plan(MigrationLedger ledger, MigrationTarget target, MigratorOptions options)
    {
        LedgerGuards.RefuseInterrupted(ledger, "roll back");
        var applied = ledger.Entries.Where(e => e.Record?.Status == HistoryStatus.Applied).Reverse().ToList();
        var selected = Select(applied, target);
        var withoutFile = selected.Where(e => e.Migration is null).ToList();
        var missing = withoutFile.Select(e => $"migration {e.Id} has no file to take its down section from (restore the file)").ToList();
        var noDown = selected
            .Where(e => e.Migration is { Down: null })
            .Select(e => $"migration {e.Id} has no down section ({e.File.Source})")
            .ToList();
        var emptyDown = selected
            .Where(e => e.Migration?.Down is { IsEmpty: true })
            .Select(e => $"the down section of migration {e.Id} is empty ({e.File.Source}:{e.File.Down!.DirectiveLine}); write the SQL that undoes it, or SELECT 1; to roll back without undoing anything")
            .ToList();
        var problems = missing.Concat(noDown).Concat(emptyDown).ToList();
        if (problems.Count > 0)
        {
            // Without its file, a migration can only be forgotten: its history row removed, its changes left as they are.
            throw new ValidationFailedException($"Refusing to roll back, nothing was run: {ProblemMessages.Join(problems)}.")
            {
                NextSteps = withoutFile.Select(e => new NextStep(NextStepKind.Unstamp, e.Version.Value)).ToList(),
            };
        }

        LedgerGuards.RefuseEdited(selected, options, "roll back");
        var migrations = selected.Select(e => e.File).ToList();
        return migrations;
    }

    private static List<LedgerEntry> Select(List<LedgerEntry> appliedNewestFirst, MigrationTarget target)
    {
        switch (target.Kind)
        {
            case MigrationTargetKind.Steps:
                return appliedNewestFirst.Take(target.Count).ToList();
            case MigrationTargetKind.ToVersion:
                var version = target.Version!.Value;
                if (version != Zero && appliedNewestFirst.All(e => e.Version != version))
                {
                    throw new ConfigurationException($"Migration {version} is not applied, so there is nothing to roll back to: give an applied version, or 0 for all.");
                }

                return appliedNewestFirst.Where(e => e.Version > version).ToList();
            default:
                return appliedNewestFirst;
        }
    }
}
