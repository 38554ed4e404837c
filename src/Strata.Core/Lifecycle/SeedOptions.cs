namespace Strata.Core.Lifecycle;

/// <summary>Where <see cref="DatabaseLifecycle.SeedAsync"/> finds the seed files.</summary>
internal sealed record SeedOptions
{
    /// <summary>The directory of <c>*.sql</c> seed files; the resolved connection's seeds directory when null.</summary>
    public string? SeedsDirectory { get; init; }
}
