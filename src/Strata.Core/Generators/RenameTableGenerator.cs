using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// <c>--rename-table OLD NEW</c>: rename the table and leave an automatically updatable view under the old name for
/// the running version (expand), then drop the view once that version is gone (contract).
/// </summary>
internal static class RenameTableGenerator
{
    public static IReadOnlyList<GeneratedStep> Generate(TableName table, string newName)
    {
        ArgumentNullException.ThrowIfNull(table);
        var renamed = table.Sibling(newName);
        var view = $"CREATE VIEW {table.Sql} AS SELECT * FROM {renamed.Sql};";
        var slug = Slug.Of(table.Name, "to", newName);
        return
        [
            new GeneratedStep(
                $"expand_rename_table_{slug}",
                MigrationPhase.Pre,
                $"""
                Expand: renames {table} to {renamed} and creates a view named {table} over it, in one transaction.
                A view selecting every column of one table is automatically updatable: the running version keeps
                reading, inserting, updating and deleting through the old name (column defaults come from the table).
                The view lists the columns the table has now: columns added later are visible only under {renamed}.
                App version: the old one (using {table}) is running; deploy the new one (using {renamed}) after this phase.
                Abort: strata down drops the view and renames the table back.
                """,
                $"""
                ALTER TABLE {table.Sql} RENAME TO {SqlIdentifier.Quote(newName)};
                {view}
                """,
                $"""
                DROP VIEW {table.Sql};
                ALTER TABLE {renamed.Sql} RENAME TO {SqlIdentifier.Quote(table.Name)};
                """),
            new GeneratedStep(
                $"contract_rename_table_{slug}",
                MigrationPhase.Post,
                $"""
                Contract: drops the view {table}, which only the old version used.
                App version: only the new one (using {renamed}) may be running: this runs after the rollout.
                Abort: before it runs, keep it pending. After it, strata down re-creates the view.
                """,
                $"DROP VIEW {table.Sql};",
                view),
        ];
    }
}
