namespace Strata.Core.Lifecycle;

/// <summary>What <see cref="DatabaseLifecycle.LoadAsync"/> did.</summary>
/// <param name="Database">The database's name.</param>
/// <param name="File">The file that was loaded.</param>
/// <param name="Statements">How many statements ran, in one transaction.</param>
/// <param name="MigrationVersion">The highest applied migration version the loaded history records, or null.</param>
internal sealed record LoadResult(string Database, string File, int Statements, string? MigrationVersion);
