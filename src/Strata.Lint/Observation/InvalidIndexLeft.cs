namespace Strata.Lint.Observation;

/// <summary>A concurrent index build left an INVALID index behind (<c>pg_index.indisvalid</c> false).</summary>
internal sealed class InvalidIndexLeft : ObservedRule
{
    public override string Id => "invalid-index-left";

    public override string Summary => "A concurrent index build failed and left an INVALID index that slows every write and serves no read.";

    public override string SafeAlternative => "Drop the INVALID index (DROP INDEX CONCURRENTLY), fix the cause, and build it again; use IF NOT EXISTS with care, it keeps the invalid one.";

    public override IEnumerable<LintFinding> Check(StatementObservation observation, IReadOnlyDictionary<string, RelationSize> sizes, LintOptions options)
    {
        foreach (var index in observation.InvalidIndexes)
        {
            yield return Finding(observation, LintSeverity.Error, $"leaves index {index} INVALID.", null);
        }
    }
}
