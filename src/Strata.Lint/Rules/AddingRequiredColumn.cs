using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>ADD COLUMN ... NOT NULL with no default fails on a table that has rows, and breaks the running app's inserts.</summary>
internal sealed class AddingRequiredColumn : LintRule
{
    public override string Id => "adding-required-column";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "Adding a NOT NULL column without a default fails on a table that has rows, and breaks inserts from the application version still running.";

    public override string SafeAlternative =>
        "Add the column with a constant default (no rewrite since PostgreSQL 11), or add it nullable, backfill, and set NOT NULL safely.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (table, command) in ExistingTableActions(statement, context, "AddColumn"))
        {
            if (command.Column is { } column
                && column.Constraint("NOTNULL") is not null
                && column.Constraint("DEFAULT") is null
                && column.Constraint("IDENTITY") is null
                && column.Constraint("GENERATED") is null
                && !column.IsSerial)
            {
                yield return Hit(column.Location, $"{table}.{column.Name} is NOT NULL with no default: the ALTER fails if {table} has any row, and running code that inserts without it fails.");
            }
        }
    }
}
