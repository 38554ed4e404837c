using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>Renaming a table (or view) breaks the application version still running during the deploy.</summary>
internal sealed class RenamingTable : LintRule
{
    public override string Id => "renaming-table";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "Renaming a table or view breaks the version of the application still running, which queries the old name.";

    public override string SafeAlternative =>
        "Rename the table and create a view with the old name in the same transaction, move the application to the new name, then drop the view later.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        // A view created under the old name in the same transaction keeps every running query working.
        if (statement.Node is RenameNode { ObjectType: "TABLE" or "VIEW" or "MATVIEW", Table: { } table } rename
            && !context.IsCreatedHere(table) && !context.ReplacesWithView(table))
        {
            yield return BreakingHit(context, $"renaming {table} to {rename.NewName} breaks every running query that still names {table}.");
        }
    }
}
