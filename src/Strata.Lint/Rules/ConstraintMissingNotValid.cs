using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>ADD CHECK / FOREIGN KEY without NOT VALID checks every existing row while holding its lock.</summary>
internal sealed class ConstraintMissingNotValid : LintRule
{
    public override string Id => "constraint-missing-not-valid";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "Adding a CHECK or FOREIGN KEY constraint without NOT VALID scans the whole table while writes (and, for CHECK, reads) wait.";

    public override string SafeAlternative =>
        "ADD CONSTRAINT ... NOT VALID (for a new column, add the column first, then the constraint), then VALIDATE CONSTRAINT in a later migration (validation lets reads and writes continue).";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (table, command) in ExistingTableActions(statement, context, "AddConstraint"))
        {
            if (command.Constraint is { Kind: "CHECK" or "FOREIGN", NotValid: false } constraint)
            {
                var lockName = constraint.Kind == "CHECK" ? "an ACCESS EXCLUSIVE" : "a SHARE ROW EXCLUSIVE";
                yield return Hit(command.Location, $"adding {(constraint.Kind == "CHECK" ? "a CHECK" : "a FOREIGN KEY")} constraint to {table} without NOT VALID checks every row while holding {lockName} lock.");
            }
        }

        // An inline CHECK on a new column is checked against every existing row too, and so is an inline REFERENCES
        // when the column has a DEFAULT clause, even DEFAULT NULL: without one (a domain's default does not count) the
        // server takes every value to be null and skips that scan.
        foreach (var (table, command) in ExistingTableActions(statement, context, "AddColumn"))
        {
            if (command.Column is not { } column)
            {
                continue;
            }

            if (column.Constraint("CHECK") is { } check)
            {
                yield return Hit(check.Location, $"the CHECK on the new column {table}.{column.Name} is checked against every row of {table} under an ACCESS EXCLUSIVE lock, and an inline CHECK cannot be NOT VALID.");
            }

            if (column.Constraint("FOREIGN") is { } reference && column.Constraint("DEFAULT") is not null)
            {
                yield return Hit(reference.Location, $"the REFERENCES on the new column {table}.{column.Name}, which has a DEFAULT clause, is checked against every row of {table} under an ACCESS EXCLUSIVE lock, and an inline REFERENCES cannot be NOT VALID.");
            }
        }
    }
}
