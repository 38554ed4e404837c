using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>32-bit keys run out at 2.1 billion; widening them later is a rewrite of the table and its referrers.</summary>
internal sealed class PreferBigintKeys : LintRule
{
    public override string Id => "prefer-bigint-keys";

    public override LintSeverity Severity => LintSeverity.Warning;

    public override string Summary => "An integer or smallint key runs out of values; changing it to bigint later rewrites the table and every table that references it.";

    public override string SafeAlternative => "Use bigint (bigint GENERATED ALWAYS AS IDENTITY, or bigserial) for keys.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (column, isPrimaryKey) in ColumnTypes.Defined(statement.Node))
        {
            var isKey = isPrimaryKey || column.IsSerial || column.Constraint("IDENTITY") is not null;
            if (isKey && column.Type is { IsArray: false } type && ColumnTypes.IsSmallInteger(type))
            {
                var small = type.Name is "int2" or "smallint" or "smallserial" or "serial2";
                var name = type.Name switch { "int4" => "integer", "int2" => "smallint", _ => type.Name };
                yield return Hit(column.Location, $"the key column {column.Name} is {name}: it runs out at {(small ? "32,767" : "2,147,483,647")}.");
            }
        }
    }
}
