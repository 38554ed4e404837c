using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>Renaming a column breaks every query of the application version still running during the deploy.</summary>
internal sealed class RenamingColumn : LintRule
{
    public override string Id => "renaming-column";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "Renaming a column breaks the version of the application still running, which queries the old name.";

    public override string SafeAlternative =>
        "Add the new column, write to both and backfill, move reads to the new column, and drop the old one in a later release.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (statement.Node is RenameNode { ObjectType: "COLUMN", Table: { } table } rename && !context.IsCreatedHere(table))
        {
            yield return BreakingHit(context, $"renaming {table}.{rename.OldName} to {rename.NewName} breaks every running query that still names {rename.OldName}.");
        }
    }
}
