using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>timestamp without time zone stores wall-clock time with no zone: moments become ambiguous.</summary>
internal sealed class PreferTimestamptz : LintRule
{
    public override string Id => "prefer-timestamptz";

    public override LintSeverity Severity => LintSeverity.Warning;

    public override string Summary => "timestamp (without time zone) records a wall-clock reading, not a moment: values shift meaning with the session's time zone.";

    public override string SafeAlternative => "Use timestamptz (timestamp with time zone).";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (column, _) in ColumnTypes.Defined(statement.Node))
        {
            if (column.Type is { Name: "timestamp", IsBuiltIn: true })
            {
                yield return Hit(column.Location, $"{column.Name} is timestamp without time zone: prefer timestamptz.");
            }
        }
    }
}
