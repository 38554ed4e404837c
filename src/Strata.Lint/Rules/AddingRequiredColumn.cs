using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>ADD COLUMN ... NOT NULL or PRIMARY KEY (or of a NOT NULL domain) with no default fails on a table that has rows, and breaks the running app's inserts.</summary>
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
            if (command.Column is not { } column
                || column.Constraint("IDENTITY") is not null
                || column.Constraint("GENERATED") is not null
                || column.IsSerial)
            {
                continue;
            }

            var domain = context.Knowledge.Domain(column.Type);
            if (!ColumnTypes.HasNoDefault(column, domain))
            {
                continue;
            }

            if (column.Constraint("NOTNULL") is not null)
            {
                yield return Hit(column.Location, $"{table}.{column.Name} is NOT NULL with no default: the ALTER fails if {table} has any row, and running code that inserts without it fails.");
            }
            else if (column.Constraint("PRIMARY") is not null)
            {
                yield return Hit(column.Location, $"{table}.{column.Name} is a PRIMARY KEY, so NOT NULL, with no default: the ALTER fails if {table} has any row, and running code that inserts without it fails.");
            }
            else if (domain is { NotNull: true })
            {
                yield return Hit(column.Location, $"{table}.{column.Name} is of the NOT NULL domain {domain.Name}, which has no default: the ALTER fails if {table} has any row, and running code that inserts without it fails.");
            }
        }
    }
}
