namespace Strata.Core.Generators;

/// <summary>One operation of <c>strata new</c> with its arguments as the user wrote them.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Arguments">Its arguments, e.g. <c>["products.name", "sku"]</c> for a rename.</param>
/// <param name="ColumnType">
/// The column's current type when the user gave it (<c>--type</c>); otherwise the operations that need it
/// (<see cref="MigrationGenerator.ColumnTypeNeeded"/>) read it from the database.
/// </param>
internal sealed record GeneratorRequest(GeneratorOperation Operation, IReadOnlyList<string> Arguments, string? ColumnType = null);
