using Strata.Core.Configuration;

namespace Strata.Core.Schema;

/// <summary>What <see cref="DriftDetector"/> compares the live database with, and what it leaves out.</summary>
internal sealed record DriftOptions
{
    /// <summary>The migrations directories (their files form one set); the files of the applied versions build the expected schema.</summary>
    public required IReadOnlyList<string> MigrationsDirectories { get; init; }

    /// <summary>The engine settings (the history table to read, timeouts for the scratch build).</summary>
    public MigratorOptions Migrator { get; init; } = new();

    /// <summary>Objects managed outside migrations, left out on both sides with everything that belongs to them.</summary>
    public IReadOnlyList<SchemaPattern> Ignore { get; init; } = [];
}
