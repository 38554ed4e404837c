namespace Strata.Lint.Observation;

/// <summary>The statement changed an existing table's relfilenode (rewrote it) under a lock that blocks traffic.</summary>
internal sealed class TableRewrite : ObservedRule
{
    public override string Id => "table-rewrite";

    public override string Summary => "The server rewrote an existing table while holding a lock that blocks the application's reads or writes.";

    public override string SafeAlternative => "Add a new column or table, backfill it in batches, and switch over; or run it in a maintenance window.";

    public override IEnumerable<LintFinding> Check(StatementObservation observation, IReadOnlyDictionary<string, RelationSize> sizes, LintOptions options) =>
        LockedWork(observation, observation.Rewritten, rewrite: true, sizes, options);
}
