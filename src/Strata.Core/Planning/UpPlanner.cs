using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>Decides which pending migrations <c>up</c> applies, and refuses when the history and the source disagree.</summary>
internal static class UpPlanner
{
    public static UpPlan Plan(MigrationLedger ledger, MigrationTarget target, MigratorOptions options)
    {
        LedgerGuards.RefuseInterrupted(ledger, "migrate", resumable: true);
        LedgerGuards.RefuseEdited(ledger.Entries, options, "migrate");
        var selected = Select(ledger, target);
        var outOfOrder = selected.Where(e => e.State == MigrationState.OutOfOrder).ToList();
        if (outOfOrder.Count > 0 && !options.AllowOutOfOrder)
        {
            throw new ValidationFailedException($"Refusing to migrate: {ProblemMessages.Join(outOfOrder.Select(e => ProblemMessages.OutOfOrder(e, ledger)).ToList())}.")
            {
                NextSteps = ProblemMessages.Steps(outOfOrder),
            };
        }

        var migrations = selected.Select(e => e.File).ToList();
        return new UpPlan(
            migrations,
            ledger.InState(MigrationState.Edited).Select(e => e.File).ToList(),
            outOfOrder.Select(e => e.Id).ToList(),
            ledger.InState(MigrationState.Missing).Select(e => e.Id).ToList());
    }

    /// <summary>
    /// Whether <paramref name="target"/> reaches <paramref name="migration"/> when it is not applied: the target's phase,
    /// if it names one, and no newer than its version, if it names one. The run asks it before the plan is made, to open
    /// the connection migrations run on only when the plan can have one to run.
    /// </summary>
    public static bool MayReach(MigrationTarget target, Migration migration) =>
        (target.Phase is not { } phase || migration.Phase == phase) &&
        (target.Kind != MigrationTargetKind.ToVersion || migration.Version <= target.Version!.Value);

    private static List<LedgerEntry> Select(MigrationLedger ledger, MigrationTarget target)
    {
        var notApplied = ledger.NotApplied.Concat(ledger.Entries.Where(e => e.ResumesBackfill)).OrderBy(e => e.Version).Where(e => MayReach(target, e.Migration!)).ToList();
        var selected = SelectInPhase(ledger, target, notApplied);
        RefuseSkippingPreDeploy(ledger, target, selected);
        return selected;
    }

    // Applying a post-deploy migration would leave an older pending pre-deploy one behind it, out of order for good; one
    // whose backfill was interrupted is not done either, and the post-deploy one may drop what it still copies from.
    private static void RefuseSkippingPreDeploy(MigrationLedger ledger, MigrationTarget target, List<LedgerEntry> selected)
    {
        if (target.Phase != MigrationPhase.Post || selected.Count == 0)
        {
            return;
        }

        var newest = selected[^1].Version;
        var skipped = ledger.NotApplied.Concat(ledger.Entries.Where(e => e.ResumesBackfill))
            .Where(e => e.Migration!.Phase == MigrationPhase.Pre && e.Version < newest)
            .OrderBy(e => e.Version)
            .ToList();
        if (skipped.Count > 0)
        {
            var state = skipped[0].ResumesBackfill ? "stopped in its batched backfill and is" : "is still pending and";
            throw new ValidationFailedException(
                $"Refusing the post-deploy phase: pre-deploy migration {skipped[0].Id} {state} older than post-deploy migration " +
                $"{selected[^1].Id}; apply the pre-deploy phase first.")
            {
                NextSteps = [new NextStep(NextStepKind.ApplyPreDeploy)],
            };
        }
    }

    private static List<LedgerEntry> SelectInPhase(MigrationLedger ledger, MigrationTarget target, List<LedgerEntry> notApplied)
    {
        switch (target.Kind)
        {
            case MigrationTargetKind.Steps:
                return notApplied.Take(target.Count).ToList();
            case MigrationTargetKind.ToVersion:
                var version = target.Version!.Value;
                if (ledger.Find(version)?.Migration is null)
                {
                    throw new ConfigurationException($"There is no migration with version {version} to migrate up to: check the version.");
                }

                return notApplied;
            default:
                return notApplied;
        }
    }
}
