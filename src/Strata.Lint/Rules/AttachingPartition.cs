using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// ATTACH PARTITION scans the partition (and a default partition) to prove its rows fit the bound, under ACCESS
/// EXCLUSIVE on the partition (and, before 12, on the parent), unless a validated CHECK constraint already implies it.
/// </summary>
internal sealed class AttachingPartition : LintRule
{
    public override string Id => "attaching-partition";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "ATTACH PARTITION scans the partition under an ACCESS EXCLUSIVE lock unless a validated CHECK constraint matching the bound already exists.";

    public override string SafeAlternative =>
        "Before attaching, ADD a CHECK constraint matching the partition bound NOT VALID and VALIDATE it (on the default partition too, with the negated bound); drop it after the attach.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (statement.Node is not AlterTableNode alter)
        {
            yield break;
        }

        foreach (var command in alter.Commands)
        {
            if (command is not { Action: "AttachPartition", Partition: { } partition }
                || context.IsCreatedHere(partition)
                || context.Knowledge.HasValidatedCheck(partition))
            {
                continue;
            }

            var parentLock = context.PostgresVersion < 12 ? $" and on {alter.Table}" : "";
            yield return Hit(command.Location, $"attaching {partition} scans every row of it under an ACCESS EXCLUSIVE lock on it{parentLock}: no validated CHECK constraint on {partition} was found before it.");
        }
    }
}
