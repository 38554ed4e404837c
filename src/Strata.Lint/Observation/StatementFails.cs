namespace Strata.Lint.Observation;

/// <summary>The statement failed on the scratch copy of the schema, so <c>up</c> would fail too.</summary>
internal sealed class StatementFails : ObservedRule
{
    public override string Id => "statement-fails";

    public override string Summary => "The statement fails when run on a copy of the schema, as up would run it.";

    public override string SafeAlternative => "Fix the statement (or split the migration) so it runs on the schema it will meet.";

    public override IEnumerable<LintFinding> Check(StatementObservation observation, IReadOnlyDictionary<string, RelationSize> sizes, LintOptions options)
    {
        if (observation.SqlState is { } state)
        {
            yield return Finding(observation, LintSeverity.Error, $"fails with SQLSTATE {state}: {observation.Error}", null);
        }
    }
}
