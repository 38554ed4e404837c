using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table, queueing reads behind long queries.</summary>
internal sealed class RequireConcurrentIndexDeletion : LintRule
{
    public override string Id => "require-concurrent-index-deletion";

    public override LintSeverity Severity => LintSeverity.Warning;

    public override string Summary => "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table.";

    public override string SafeAlternative => "Use DROP INDEX CONCURRENTLY in a migration with transaction:false.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (statement.Node is DropNode { ObjectType: "INDEX", Concurrent: false } drop)
        {
            foreach (var index in drop.Objects.Where(i => !context.IsIndexCreatedHere(i)))
            {
                yield return Hit(-1, $"DROP INDEX {index} locks its table against reads and writes, and waits behind every running query on it.");
            }
        }
    }
}
