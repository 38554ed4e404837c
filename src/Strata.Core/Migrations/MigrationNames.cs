
namespace Strata.Core.Migrations;

/// <summary>How migrations are named in messages.</summary>
internal static class MigrationNames
{
    /// <summary><c>version_description</c>, which for timestamp versions is the file name without its extension.</summary>
    public static string Id(Migration migration) => Id(migration.Version, migration.Description);

    public static string Id(MigrationVersion version, string description) =>
        string.IsNullOrEmpty(description) ? version.Value : version.Value + "_" + description;
}
