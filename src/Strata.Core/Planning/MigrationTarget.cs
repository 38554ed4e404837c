using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>How far <c>up</c> or <c>down</c> goes.</summary>
public sealed record MigrationTarget
{
    private MigrationTarget(MigrationTargetKind kind, MigrationVersion? version, int count)
    {
        Kind = kind;
        Version = version;
        Count = count;
    }

    /// <summary>Up: every pending migration. Down: every applied migration.</summary>
    public static MigrationTarget All { get; } = new(MigrationTargetKind.All, null, 0);

    /// <summary>What kind of target this is.</summary>
    public MigrationTargetKind Kind { get; }

    /// <summary>For <see cref="MigrationTargetKind.ToVersion"/>: the version.</summary>
    public MigrationVersion? Version { get; }

    /// <summary>For <see cref="MigrationTargetKind.Steps"/>: how many migrations.</summary>
    public int Count { get; }

    /// <summary>Up only: apply only the pending migrations of this phase; null for every phase, in version order.</summary>
    public MigrationPhase? Phase { get; private init; }

    /// <summary>The same target, limited to the pending migrations of <paramref name="phase"/> (up only).</summary>
    public MigrationTarget InPhase(MigrationPhase? phase) => new(Kind, Version, Count) { Phase = phase };

    /// <summary>
    /// Up: apply pending migrations up to and including <paramref name="version"/>, which must exist in the source.
    /// Down: roll back applied migrations newer than <paramref name="version"/>, which must be applied or <c>0</c>.
    /// </summary>
    public static MigrationTarget To(MigrationVersion version) => new(MigrationTargetKind.ToVersion, version, 0);

    /// <summary>Up: the next <paramref name="count"/> pending migrations. Down: the <paramref name="count"/> newest applied ones.</summary>
    public static MigrationTarget Steps(int count) =>
        count >= 1
            ? new MigrationTarget(MigrationTargetKind.Steps, null, count)
            : throw new ConfigurationException($"The number of steps must be at least 1, not {count}.");

    /// <inheritdoc />
    public override string ToString() => (Kind switch
    {
        MigrationTargetKind.ToVersion => $"to {Version}",
        MigrationTargetKind.Steps => $"{Count} step(s)",
        _ => "all",
    }) + (Phase is { } phase ? $" ({phase.ToString().ToLowerInvariant()}-deploy)" : string.Empty);
}
