using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// SET NOT NULL scans the whole table under ACCESS EXCLUSIVE, unless (PostgreSQL 12+) a validated
/// <c>CHECK (column IS NOT NULL)</c> already proves it.
/// </summary>
internal sealed class SettingNotNull : LintRule
{
    public override string Id => "setting-not-null";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "SET NOT NULL scans the whole table while holding an ACCESS EXCLUSIVE lock.";

    public override string SafeAlternative =>
        "On PostgreSQL 12+, ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later transaction, then SET NOT NULL (no scan) and drop the check.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (table, command) in ExistingTableActions(statement, context, "SetNotNull"))
        {
            if (command.Name is not { } column)
            {
                continue;
            }

            if (context.PostgresVersion < 12)
            {
                yield return Hit(command.Location, $"SET NOT NULL on {table}.{column} scans every row under an ACCESS EXCLUSIVE lock (before PostgreSQL 12 a CHECK constraint does not help).");
            }
            else if (!context.Knowledge.HasValidatedNotNullCheck(table, column))
            {
                yield return Hit(command.Location, $"SET NOT NULL on {table}.{column} scans every row under an ACCESS EXCLUSIVE lock: no validated CHECK ({column} IS NOT NULL) was found before it.");
            }
        }
    }
}
