namespace Strata.Core.Generators;

/// <summary>One operation of <c>strata new</c> with its arguments as the user wrote them.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Arguments">Its arguments, e.g. <c>["products.name", "sku"]</c> for a rename.</param>
/// <param name="ColumnType">
/// The column's current type when the user gave it; otherwise the operations that need it
/// (<see cref="MigrationGenerator.ColumnTypeNeeded"/>) read it from the database.
/// </param>
internal sealed record GeneratorRequest(GeneratorOperation Operation, IReadOnlyList<string> Arguments, string? ColumnType = null)
{
    /// <summary>What messages call the operation: the caller's own word for it (<c>strata new</c> gives its flag); the operation's name by default.</summary>
    public string OperationName { get; init; } = Operation.ToString();

    /// <summary>What messages call the way to give <see cref="ColumnType"/> (<c>strata new</c> gives its flag).</summary>
    public string ColumnTypeName { get; init; } = nameof(ColumnType);
}
