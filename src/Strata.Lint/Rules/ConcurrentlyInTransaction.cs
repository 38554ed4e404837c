using Strata.Core.Sql;
using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// Statements PostgreSQL refuses to run inside a transaction block (the CONCURRENTLY commands, VACUUM, ALTER SYSTEM,
/// CREATE DATABASE, ...): in one, the migration fails. The rule knows the statements <c>up</c> refuses before it runs
/// anything, from the same recogniser, and the CONCURRENTLY commands also from their parse.
/// </summary>
internal sealed class ConcurrentlyInTransaction : LintRule
{
    public override string Id => "concurrently-in-transaction";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "A statement PostgreSQL refuses inside a transaction block (a CONCURRENTLY command, VACUUM, ALTER SYSTEM, CREATE DATABASE, ...) fails the migration that runs it in one.";

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
            // Before PostgreSQL 12, enum-value-used-in-same-transaction reports it.
            AddEnumValueNode => null,
            _ => NonTransactionalStatements.Find(statement.Source, context.PostgresVersion),
        };
        if (command is not null)
        {
            yield return Hit(-1, $"{command} cannot run inside a transaction block, and this migration runs in one: it fails with SQLSTATE 25001.");
        }
    }
}
