using Strata.Core.Configuration;

namespace Strata.Core.Schema;

/// <summary>What every <see cref="ScratchComparer"/> builds its schemas from: the migrations and the engine settings.</summary>
internal abstract record ScratchComparerOptions
{
    /// <summary>The migrations directories; their files form one set.</summary>
    public required IReadOnlyList<string> MigrationsDirectories { get; init; }

    /// <summary>The engine settings: the history table (read on a target, left out of every comparison) and the timeouts the migrations run with.</summary>
    public MigratorOptions Migrator { get; init; } = new();
}
