namespace Strata.Core.Schema;

/// <summary>How the live schema differs from the one its applied migrations produce.</summary>
/// <param name="AppliedMigrations">How many applied migrations built the expected schema.</param>
/// <param name="Comparison">Expected (from migrations) first, live second: added objects were made by hand.</param>
internal sealed record DriftResult(int AppliedMigrations, SchemaComparison Comparison)
{
    /// <summary>True when the live schema is exactly what the migrations produce.</summary>
    public bool HasDrift => !Comparison.AreEqual;
}
