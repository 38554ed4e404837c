using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>Serial, identity and stored generated columns added to an existing table fill every row: a rewrite.</summary>
internal sealed class AddingRewritingColumn : LintRule
{
    public override string Id => "adding-rewriting-column";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "Adding a serial, identity or stored generated column to an existing table rewrites every row under an ACCESS EXCLUSIVE lock.";

    public override string SafeAlternative =>
        "Add a plain nullable column, backfill it in batches, then attach the sequence default or identity; compute generated values in the application or a trigger until then.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (table, command) in ExistingTableActions(statement, context, "AddColumn"))
        {
            if (command.Column is { } column && Kind(column) is { } kind)
            {
                yield return Hit(column.Location, $"adding the {kind} column {table}.{column.Name} computes a value for every existing row: PostgreSQL rewrites {table} under an ACCESS EXCLUSIVE lock.");
            }
        }
    }

    private static string? Kind(ColumnNode column) =>
        column.IsSerial ? column.Type!.Name
        : column.Constraint("IDENTITY") is not null ? "identity"
        : column.Constraint("GENERATED") is not null ? "stored generated"
        : null;
}
