namespace Strata.Core.Lifecycle;

/// <summary>How <see cref="DatabaseLifecycle.SetupAsync"/> sets the database up.</summary>
internal sealed record SetupOptions
{
    /// <summary>Do not run the seed files, even into a new database.</summary>
    public bool SkipSeed { get; init; }

    /// <summary>The directory of seed files; the resolved connection's seeds directory when null.</summary>
    public string? SeedsDirectory { get; init; }
}
