using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>Dropping a table breaks any running application version that still uses it, and loses its data.</summary>
internal sealed class DroppingTable : LintRule
{
    public override string Id => "dropping-table";

    public override LintSeverity Severity => LintSeverity.Warning;

    public override string Summary => "Dropping a table loses its data and breaks any running version of the application that still uses it.";

    public override string SafeAlternative => "Release an application version that no longer uses the table first; keep a backup, then drop it.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (statement.Node is DropNode { ObjectType: "TABLE" } drop)
        {
            foreach (var table in drop.Objects.Where(t => !context.IsCreatedHere(t)))
            {
                yield return BreakingHit(context, $"dropping {table} deletes its rows and breaks the running application if it still uses the table.");
            }
        }
    }
}
