using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// BEGIN, COMMIT or ROLLBACK inside a migration that already runs in a transaction: a COMMIT or ROLLBACK ends it
/// early, so the statements after it and the history row no longer succeed or fail together.
/// </summary>
internal sealed class TransactionControlInMigration : LintRule
{
    public override string Id => "transaction-control-in-migration";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "BEGIN, COMMIT or ROLLBACK in a migration that runs in a transaction ends or nests that transaction, so the migration is no longer all-or-nothing.";

    public override string SafeAlternative =>
        "Remove the transaction statements (the migration already runs in one), or split the migration; use transaction:false to control transactions yourself.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (!context.IsTransactionalMigration || statement.Node is not TransactionNode transaction)
        {
            yield break;
        }

        if (transaction.Starts)
        {
            yield return Hit(-1, "BEGIN inside a migration that already runs in a transaction does nothing but warn; the COMMIT that usually follows ends the migration's transaction early.");
        }
        else if (transaction.Ends)
        {
            yield return Hit(-1, $"{transaction.Kind} ends the migration's transaction early: the statements after it and the history row are no longer applied together.");
        }
    }
}
