namespace Strata.Core.Schema;

/// <summary>The result of comparing two schemas: every object that differs, ordered by kind and name.</summary>
/// <param name="Differences">The differing objects; empty when the schemas are equal.</param>
internal sealed record SchemaComparison(IReadOnlyList<SchemaDifference> Differences)
{
    /// <summary>True when the two schemas have the same objects with the same attributes.</summary>
    public bool AreEqual => Differences.Count == 0;
}
