using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>Dropping a column breaks any running application version that still reads or writes it.</summary>
internal sealed class DroppingColumn : LintRule
{
    public override string Id => "dropping-column";

    public override LintSeverity Severity => LintSeverity.Warning;

    public override string Summary => "Dropping a column breaks any running version of the application that still uses it.";

    public override string SafeAlternative =>
        "First release an application version that no longer reads or writes the column (and ignores it in ORMs), then drop it.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (table, command) in ExistingTableActions(statement, context, "DropColumn"))
        {
            if (command.Name is { } column)
            {
                yield return BreakingHit(context, $"dropping {table}.{column} breaks the running application if it still uses the column.", command.Location);
            }
        }
    }
}
