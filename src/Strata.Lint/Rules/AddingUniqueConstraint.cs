using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>ADD PRIMARY KEY / UNIQUE / EXCLUDE, or ADD COLUMN with an inline one, builds its index under ACCESS EXCLUSIVE.</summary>
internal sealed class AddingUniqueConstraint : LintRule
{
    public override string Id => "adding-unique-constraint";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "Adding a PRIMARY KEY, UNIQUE or EXCLUDE constraint builds its index while reads and writes wait.";

    public override string SafeAlternative =>
        "Build the index with CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY USING INDEX).";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (table, command) in ExistingTableActions(statement, context, "AddConstraint"))
        {
            if (command.Constraint is { Kind: "PRIMARY" or "UNIQUE" or "EXCLUSION", UsesExistingIndex: false } constraint)
            {
                yield return Hit(command.Location, $"adding {Describe(constraint.Kind)} to {table} builds an index under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole build.");
            }
        }

        // A new column's inline PRIMARY KEY or UNIQUE builds its index over every row the same way.
        foreach (var (table, command) in ExistingTableActions(statement, context, "AddColumn"))
        {
            if (command.Column is { } column && (column.Constraint("PRIMARY") ?? column.Constraint("UNIQUE")) is { } constraint)
            {
                yield return Hit(constraint.Location, $"adding the column {table}.{column.Name} with {Describe(constraint.Kind)} builds an index under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole build.");
            }
        }
    }

    private static string Describe(string kind) => kind switch
    {
        "PRIMARY" => "a PRIMARY KEY",
        "UNIQUE" => "a UNIQUE constraint",
        _ => "an EXCLUDE constraint",
    };
}
