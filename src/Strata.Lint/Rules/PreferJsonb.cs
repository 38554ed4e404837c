using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>json is stored as text and re-parsed on every access; it has no equality operator or GIN indexing.</summary>
internal sealed class PreferJsonb : LintRule
{
    public override string Id => "prefer-jsonb";

    public override LintSeverity Severity => LintSeverity.Info;

    public override string Summary => "json is re-parsed on every access and cannot be compared or indexed with GIN.";

    public override string SafeAlternative => "Use jsonb, unless key order and duplicate keys must be kept exactly as written.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (column, _) in ColumnTypes.Defined(statement.Node))
        {
            if (column.Type is { Name: "json" })
            {
                yield return Hit(column.Location, $"{column.Name} is json: prefer jsonb.");
            }
        }
    }
}
