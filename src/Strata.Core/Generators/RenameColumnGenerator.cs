using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// <c>--rename-column TABLE.OLD NEW</c>: add NEW beside OLD with a trigger keeping both in step (expand), copy the
/// existing rows in batches (backfill), and once the old version is gone drop the trigger and OLD (contract).
/// </summary>
internal static class RenameColumnGenerator
{
    /// <param name="column">The column to rename.</param>
    /// <param name="newName">Its new name.</param>
    /// <param name="type">The column's type as <c>format_type</c> prints it.</param>
    public static IReadOnlyList<GeneratedStep> Generate(ColumnName column, string newName, string type)
    {
        ArgumentNullException.ThrowIfNull(column);
        var table = column.Table;
        var sync = new SyncTrigger(table, column.Name, type, newName, type, Cast: false);
        var (oldSql, newSql) = (column.Sql, SqlIdentifier.Quote(newName));
        var slug = Slug.Of(table.Name, column.Name, "to", newName);
        return
        [
            new GeneratedStep(
                $"expand_rename_{slug}",
                MigrationPhase.Pre,
                $"""
                Expand: adds {newSql} ({type}) beside {oldSql} on {table} and the trigger {sync.Name}, which keeps
                both columns in step on INSERT and UPDATE whichever one the writer set.
                App version: the old one (reading and writing {oldSql}) is running; deploy the new one (using {newSql})
                after this phase. Defaults, constraints, indexes and NOT NULL of {oldSql} are not copied: add what
                {newSql} needs before the contract step, which refuses to drop {oldSql} while it still has any of them.
                Abort: strata down removes the trigger and {newSql}; the old version never noticed either.
                """,
                sync.AddColumnAndCreate(),
                sync.DropAndDropColumn()),
            sync.BackfillStep($"Backfill: copies {oldSql} into {newSql} for the rows written before the trigger existed."),
            new GeneratedStep(
                $"contract_rename_{slug}",
                MigrationPhase.Post,
                $"""
                Contract: drops the trigger {sync.Name} and the old column {oldSql} of {table}. Before the drop it
                stops, changing nothing, if {oldSql} still has a default, constraint, index, owned sequence or NOT NULL
                that {newSql} would lose.
                App version: only the new one (using {newSql}) may be running: this runs after the rollout,
                once no instance of the old version is left.
                Abort: before it runs, keep it pending (do not run the post phase). After it, strata down re-creates
                {oldSql} from {newSql} and the trigger, so the old version can be brought back.
                """,
                $"""
                {sync.Drop()}
                {ColumnDropGuard.Check(column, newName)}
                ALTER TABLE {table.Sql} DROP COLUMN {oldSql};
                """,
                $"""
                ALTER TABLE {table.Sql} ADD COLUMN {oldSql} {type};
                UPDATE {table.Sql} SET {oldSql} = {newSql};

                {sync.Create()}
                """),
        ];
    }
}
