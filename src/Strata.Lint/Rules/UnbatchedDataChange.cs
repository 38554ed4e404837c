using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>A whole-table UPDATE or DELETE locks every row for the length of the migration's transaction.</summary>
internal sealed class UnbatchedDataChange : LintRule
{
    public override string Id => "unbatched-data-change";

    public override LintSeverity Severity => LintSeverity.Warning;

    public override string Summary =>
        "An UPDATE or DELETE without WHERE touches every row in one transaction: every row stays locked against writers until it commits, and the table bloats.";

    public override string SafeAlternative =>
        "Mark it '-- strata:batch size=N' in a transaction:false migration, so Strata runs it in short transactions over key ranges (docs/backfills.md).";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (context.IsBatched)
        {
            yield break;
        }

        // A data-modifying WITH query changes its rows whatever the statement around it is (a SELECT, an INSERT).
        foreach (var change in statement.Node.DataChanges.Where(c => !c.HasWhere && !context.IsCreatedHere(c.Table)))
        {
            var where = change.Query is null ? "in one statement" : $"in the WITH query {change.Query}";
            yield return Hit(change.Location, $"{change.Command} of every row of {change.Table} {where} locks them all against concurrent writes until the transaction ends.");
        }
    }
}
