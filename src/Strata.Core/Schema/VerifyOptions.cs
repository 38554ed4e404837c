using Strata.Core.Configuration;

namespace Strata.Core.Schema;

/// <summary>What <see cref="MigrationVerifier"/> checks.</summary>
internal sealed record VerifyOptions
{
    /// <summary>The migrations directories.</summary>
    public required IReadOnlyList<string> MigrationsDirectories { get; init; }

    /// <summary>The seeds directory; its files run on the final schema when it exists.</summary>
    public string? SeedsDirectory { get; init; }

    /// <summary>The schema file (as written by <c>strata db dump</c>) the final schema must equal, when it exists.</summary>
    public string? SchemaFile { get; init; }

    /// <summary>The engine settings the migrations run with (history table, timeouts).</summary>
    public MigratorOptions Migrator { get; init; } = new();
}
