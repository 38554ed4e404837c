namespace Strata.Core.Migrations;

/// <summary>A migration file found in a directory, with what its name says, before it is read.</summary>
/// <param name="Path">The file's path: the directory as given, and the name.</param>
/// <param name="Name">The file name.</param>
/// <param name="Version">The version from the name.</param>
/// <param name="Description">The description from the name.</param>
internal sealed record MigrationFile(string Path, string Name, MigrationVersion Version, string Description);
