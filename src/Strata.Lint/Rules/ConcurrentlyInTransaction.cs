using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>CONCURRENTLY commands refuse to run inside a transaction block: the migration fails.</summary>
internal sealed class ConcurrentlyInTransaction : LintRule
{
    public override string Id => "concurrently-in-transaction";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "A CONCURRENTLY command inside a transaction fails: PostgreSQL refuses to run it in a transaction block.";

    public override string SafeAlternative =>
        "Put the statement in its own migration with '-- migrate:up transaction:false' (and no BEGIN around it).";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (!context.InTransaction)
        {
            yield break;
        }

        var command = statement.Node switch
        {
            CreateIndexNode { Concurrent: true } => "CREATE INDEX CONCURRENTLY",
            DropNode { ObjectType: "INDEX", Concurrent: true } => "DROP INDEX CONCURRENTLY",
            ReindexNode { Concurrent: true } => "REINDEX CONCURRENTLY",
            AlterTableNode alter when alter.Commands.Any(c => c is { Action: "DetachPartition", Concurrent: true }) => "DETACH PARTITION CONCURRENTLY",
            _ => null,
        };
        if (command is not null)
        {
            yield return Hit(-1, $"{command} cannot run inside a transaction block, and this migration runs in one: it fails with SQLSTATE 25001.");
        }
    }
}
