namespace Strata.Lint.Observation;

/// <summary>The statement read an existing table sequentially (validation or index build) under a lock that blocks traffic.</summary>
internal sealed class ScanUnderLock : ObservedRule
{
    public override string Id => "scan-under-lock";

    public override string Summary => "The server scanned an existing table while holding a lock that blocks the application's reads or writes.";

    public override string SafeAlternative => "Add constraints NOT VALID and VALIDATE them in a later migration; build indexes CONCURRENTLY.";

    public override IEnumerable<LintFinding> Check(StatementObservation observation, IReadOnlyDictionary<string, RelationSize> sizes, LintOptions options) =>
        LockedWork(observation, [.. observation.Scanned.Except(observation.Rewritten)], rewrite: false, sizes, options);
}
