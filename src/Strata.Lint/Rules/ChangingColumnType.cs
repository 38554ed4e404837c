using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// ALTER COLUMN TYPE rewrites the table and its indexes unless the old type is binary-coercible to the new one
/// (varchar(n) to varchar(m &gt;= n) or text, numeric(p,s) to numeric(q &gt;= p,s), cidr to inet, ...) and no USING
/// expression is given.
/// </summary>
internal sealed class ChangingColumnType : LintRule
{
    public override string Id => "changing-column-type";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "Changing a column's type rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock unless the change is binary-coercible.";

    public override string SafeAlternative =>
        "Add a new column of the new type, backfill it in batches, switch the application over, then drop the old column.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (table, command) in ExistingTableActions(statement, context, "AlterColumnType"))
        {
            if (command is not { Name: { } name, Column.Type: { } target })
            {
                continue;
            }

            var current = context.Knowledge.ColumnType(table, name);
            var verdict = command.HasUsing ? Rewrite.Yes : current is null ? Guess(target) : Coercible(current, target) ? Rewrite.No : Rewrite.Yes;
            if (verdict == Rewrite.Yes)
            {
                var from = current is null ? "" : $" from {current}";
                var why = command.HasUsing ? " with a USING expression" : "";
                yield return Hit(command.Location, $"changing {table}.{name}{from} to {target}{why} rewrites {table} and rebuilds its indexes under an ACCESS EXCLUSIVE lock.");
            }
        }
    }

    private enum Rewrite
    {
        No,
        Yes,
    }

    // Without the current type, only targets that some source type reaches by binary coercion can be safe.
    private static Rewrite Guess(TypeReference target) =>
        target.Name is "text" or "varchar" or "numeric" or "inet" or "varbit" ? Rewrite.No : Rewrite.Yes;

    internal static bool Coercible(TypeReference from, TypeReference to)
    {
        if (from.IsArray != to.IsArray)
        {
            return false;
        }

        return (from.Name, to.Name) switch
        {
            ("varchar", "varchar") => to.Modifiers.Count == 0 || (from.Modifiers.Count > 0 && to.Modifiers[0] >= from.Modifiers[0]),
            ("varchar" or "text", "text") => true,
            ("text", "varchar") => to.Modifiers.Count == 0,
            ("numeric", "numeric") => to.Modifiers.Count == 0
                || (from.Modifiers.Count == to.Modifiers.Count && to.Modifiers[0] >= from.Modifiers[0] && Scale(from) == Scale(to)),
            ("varbit", "varbit") => to.Modifiers.Count == 0 || (from.Modifiers.Count > 0 && to.Modifiers[0] >= from.Modifiers[0]),
            ("cidr", "inet") => true,
            _ => from.Name == to.Name && from.Modifiers.SequenceEqual(to.Modifiers),
        };
    }

    private static int Scale(TypeReference numeric) => numeric.Modifiers.Count > 1 ? numeric.Modifiers[1] : 0;
}
