namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.SeedAsync"/> did.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="Directory">The seeds directory that was read.</param>
/// <param name="Files">The seed files, in the order they ran; empty when the directory holds none.</param>
internal sealed record SeedResult(string Database, string Directory, IReadOnlyList<SeedFileResult> Files);
