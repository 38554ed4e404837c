using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID scans while the ADD's stronger lock is
/// still held, so NOT VALID bought nothing.
/// </summary>
internal sealed class ValidateConstraintInSameTransaction : LintRule
{
    public override string Id => "validate-constraint-in-same-transaction";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "VALIDATE CONSTRAINT in the same transaction as the ADD ... NOT VALID scans the table while the ADD's lock is still held.";

    public override string SafeAlternative => "Validate the constraint in a later migration, after the one that adds it NOT VALID has committed.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (statement.Node is not AlterTableNode alter)
        {
            yield break;
        }

        // One ALTER TABLE is one transaction even in a transaction:false migration: a constraint an earlier action
        // of the same statement added NOT VALID is validated under that action's lock.
        var addedHere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in alter.Commands)
        {
            if (command is { Action: "AddConstraint", Constraint: { NotValid: true, Name: { } added } })
            {
                addedHere.Add(added);
            }
            else if (command is { Action: "ValidateConstraint", Name: { } name }
                && (addedHere.Contains(name) || (context.InTransaction && context.WasAddedNotValidInTransaction(alter.Table, name))))
            {
                yield return Hit(command.Location, $"{name} was added NOT VALID in this transaction: validating it now scans {alter.Table} while the lock taken by the ADD blocks writes.");
            }
        }
    }
}
