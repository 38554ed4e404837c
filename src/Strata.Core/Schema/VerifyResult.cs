namespace Strata.Core.Schema;

/// <summary>What <c>verify</c> checked and the first failure, if any.</summary>
/// <param name="Migrations">How many migrations completed their up, down and re-apply round trip.</param>
/// <param name="SchemaFile">The schema file the final schema was compared with, or null when there is none.</param>
/// <param name="Seeds">How many seed files ran on the final schema.</param>
/// <param name="Failure">The first failure; null when everything passed.</param>
internal sealed record VerifyResult(int Migrations, string? SchemaFile, int Seeds, VerifyFailure? Failure)
{
    /// <summary>
    /// Columns that a down put back in another position than before its up, which PostgreSQL cannot avoid (a re-added
    /// column is always appended); each as <c>migration: column</c>. Not a failure.
    /// </summary>
    public IReadOnlyList<string> MovedColumns { get; init; } = [];

    /// <summary>True when every check passed.</summary>
    public bool Passed => Failure is null;
}
