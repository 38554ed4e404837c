namespace Strata.Lint.Observation;

/// <summary>
/// The migration renamed, dropped or changed the type of something the previous schema had, as the catalog models
/// of the scratch database before and after it show: the application version still running uses the old shape.
/// </summary>
internal sealed class BackwardIncompatibleChange : ObservedRule
{
    public override string Id => "backward-incompatible-change";

    public override string Summary =>
        "The migration renamed, dropped or retyped a table, column or other object the previous schema had, which the application version still running uses.";

    public override string SafeAlternative =>
        "Expand, then contract: add the new shape and keep the old one until no running release uses it, then remove it in a later migration.";

    public override IEnumerable<LintFinding> Check(StatementObservation observation, IReadOnlyDictionary<string, RelationSize> sizes, LintOptions options)
    {
        foreach (var found in observation.SchemaBreaks ?? [])
        {
            var what = found.Change switch
            {
                "renamed" => $"renamed to {found.Detail}",
                "type changed" => $"changed type ({found.Detail})",
                _ => "dropped",
            };
            yield return Finding(
                observation,
                LintSeverity.Error,
                $"{found.Kind} {found.Name}, which the schema had before this migration, is {what}: the application version still running during a rolling deploy uses it (schema models before and after compared).",
                null);
        }
    }
}
