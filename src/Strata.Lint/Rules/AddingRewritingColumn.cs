using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// Serial, identity and stored generated columns added to an existing table fill every row, and a column of a domain
/// with constraints has them checked on every row: a rewrite.
/// </summary>
internal sealed class AddingRewritingColumn : LintRule
{
    public override string Id => "adding-rewriting-column";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary =>
        "Adding a serial, identity, stored generated or constrained-domain column to an existing table rewrites every row under an ACCESS EXCLUSIVE lock.";

    public override string SafeAlternative =>
        "Add a plain nullable column, backfill it in batches, then attach the sequence default or identity; compute generated values in the application or a trigger until then.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        foreach (var (table, command) in ExistingTableActions(statement, context, "AddColumn"))
        {
            if (command.Column is not { } column)
            {
                continue;
            }

            if (Kind(column) is { } kind)
            {
                yield return Hit(column.Location, $"adding the {kind} column {table}.{column.Name} computes a value for every existing row: PostgreSQL rewrites {table} under an ACCESS EXCLUSIVE lock.");
            }
            else if (context.Knowledge.Domain(column.Type) is { HasConstraints: true } domain
                && !(domain.NotNull && ColumnTypes.HasNoDefault(column, domain)))
            {
                // A NOT NULL domain without any default fails on a table with rows instead: adding-required-column.
                var constraints = domain is { NotNull: true, HasCheck: true } ? "NOT NULL and CHECK constraints" : domain.NotNull ? "NOT NULL constraint" : "CHECK constraint";
                yield return Hit(column.Location, $"{table}.{column.Name} is of the domain {domain.Name}, whose {constraints} PostgreSQL checks against the value of every existing row: it rewrites {table} under an ACCESS EXCLUSIVE lock.");
            }
        }
    }

    private static string? Kind(ColumnNode column) =>
        column.IsSerial ? column.Type!.Name
        : column.Constraint("IDENTITY") is not null ? "identity"
        : column.Constraint("GENERATED") is not null ? "stored generated"
        : null;
}
