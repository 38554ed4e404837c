using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>CREATE INDEX without CONCURRENTLY takes a SHARE lock: writes wait for the whole build.</summary>
internal sealed class RequireConcurrentIndexCreation : LintRule
{
    public override string Id => "require-concurrent-index-creation";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "CREATE INDEX without CONCURRENTLY blocks every write to the table until the index is built.";

    public override string SafeAlternative => "Use CREATE INDEX CONCURRENTLY in a migration with transaction:false.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        // ON ONLY is how a partitioned table is indexed without a long lock: the parent's index is created invalid,
        // built per partition (CONCURRENTLY) and attached; it only makes sense on a partitioned table.
        if (statement.Node is CreateIndexNode { Concurrent: false, Only: false } index && !context.IsCreatedHere(index.Table))
        {
            yield return Hit(-1, $"CREATE INDEX on {index.Table} holds a SHARE lock that blocks inserts, updates and deletes for the whole build.");
        }
    }
}
