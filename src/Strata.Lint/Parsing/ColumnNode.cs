namespace Strata.Lint.Parsing;

/// <summary>A column definition, in <c>CREATE TABLE</c> or <c>ALTER TABLE ... ADD COLUMN</c>.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">Its type; null for a partition's column options.</param>
/// <param name="Constraints">Its inline constraints (NOT NULL, DEFAULT, PRIMARY KEY, IDENTITY, GENERATED ...).</param>
/// <param name="Location">The 0-based UTF-8 byte offset in the statement, or -1.</param>
internal sealed record ColumnNode(string Name, TypeReference? Type, IReadOnlyList<ConstraintNode> Constraints, int Location)
{
    /// <summary>The first inline constraint of <paramref name="kind"/>, or null.</summary>
    public ConstraintNode? Constraint(string kind) => Constraints.FirstOrDefault(c => c.Kind == kind);

    /// <summary>True for serial, smallserial and bigserial: pseudo-types that add a sequence default.</summary>
    public bool IsSerial => Type is { IsBuiltIn: false, Name: "serial" or "serial4" or "bigserial" or "serial8" or "smallserial" or "serial2" };
}
