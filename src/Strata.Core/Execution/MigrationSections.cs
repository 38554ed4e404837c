using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>Picks the section of a migration that runs in a direction.</summary>
internal static class MigrationSections
{
    public static MigrationSection Section(this Migration migration, MigrationDirection direction) =>
        direction == MigrationDirection.Up
            ? migration.Up
            : migration.Down ?? throw new InvalidOperationException($"Migration {MigrationNames.Id(migration)} has no down section.");
}
