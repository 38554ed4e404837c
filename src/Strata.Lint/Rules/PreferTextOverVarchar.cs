using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>varchar(n) is text with a length check; char(n) also pads with spaces. Neither is faster than text.</summary>
internal sealed class PreferTextOverVarchar : LintRule
{
    public override string Id => "prefer-text-over-varchar";

    public override LintSeverity Severity => LintSeverity.Info;

    public override string Summary => "varchar(n) and char(n) store nothing more efficiently than text; char(n) pads with spaces and a length limit is awkward to change later.";

    public override string SafeAlternative => "Use text, with a CHECK (char_length(column) <= n) constraint if a limit is a real rule.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (column, _) in ColumnTypes.Defined(statement.Node))
        {
            if (column.Type is { Name: "varchar", Modifiers.Count: > 0 } type)
            {
                yield return Hit(column.Location, $"{column.Name} is {type}: prefer text.");
            }
            else if (column.Type is { Name: "bpchar", IsBuiltIn: true })
            {
                yield return Hit(column.Location, $"{column.Name} is char(n), which pads values with spaces: prefer text.");
            }
        }
    }
}
