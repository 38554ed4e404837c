using Strata.Core.Configuration;

namespace Strata.Core.Schema;

/// <summary>What <see cref="VersionDetector"/> builds the candidate schemas from, and whether it records the result.</summary>
internal sealed record VersionDetectOptions
{
    /// <summary>The migrations directories (their files form one set); each migration in it is a candidate version.</summary>
    public required IReadOnlyList<string> MigrationsDirectories { get; init; }

    /// <summary>The engine settings (the history table left out of the comparison, timeouts for the scratch build).</summary>
    public MigratorOptions Migrator { get; init; } = new();

    /// <summary>Record the exactly matching version's migrations as applied; refused when no single version matches.</summary>
    public bool Apply { get; init; }
}
