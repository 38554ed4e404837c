using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>REFRESH MATERIALIZED VIEW without CONCURRENTLY blocks reads of the view for the whole refresh.</summary>
internal sealed class RefreshMaterializedViewWithoutConcurrently : LintRule
{
    public override string Id => "refresh-materialized-view-without-concurrently";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "REFRESH MATERIALIZED VIEW without CONCURRENTLY holds an ACCESS EXCLUSIVE lock: reads of the view wait for the whole refresh.";

    public override string SafeAlternative => "Give the view a unique index and use REFRESH MATERIALIZED VIEW CONCURRENTLY.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (statement.Node is RefreshMaterializedViewNode { Concurrent: false } refresh && !context.IsCreatedHere(refresh.View))
        {
            yield return Hit(-1, $"refreshing {refresh.View} without CONCURRENTLY blocks every read of it until the query behind it finishes.");
        }
    }
}
