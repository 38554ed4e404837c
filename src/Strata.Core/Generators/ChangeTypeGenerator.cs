using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// <c>--change-type TABLE.COL TYPE</c>: add a shadow column of the new type kept in step by a casting trigger
/// (expand), fill it in batches (backfill), and after the deploy swap it into place and drop the old one (contract).
/// The type changes without the table rewrite under ACCESS EXCLUSIVE that <c>ALTER COLUMN ... TYPE</c> does.
/// </summary>
internal static class ChangeTypeGenerator
{
    /// <summary>The shadow column that takes the new type beside <paramref name="column"/> until the contract step.</summary>
    public static string ShadowName(ColumnName column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return GeneratedName.Of(column.Name, "new");
    }

    /// <param name="column">The column to retype.</param>
    /// <param name="oldType">Its current type, as <c>format_type</c> prints it.</param>
    /// <param name="newType">The type it gets.</param>
    public static IReadOnlyList<GeneratedStep> Generate(ColumnName column, string oldType, string newType)
    {
        ArgumentNullException.ThrowIfNull(column);
        var table = column.Table;
        var shadow = ShadowName(column);
        var sync = new SyncTrigger(table, column.Name, oldType, shadow, newType, Cast: true);
        var (columnSql, shadowSql) = (column.Sql, SqlIdentifier.Quote(shadow));
        var slug = Slug.Of(table.Name, column.Name);
        var old = new ColumnName(table, GeneratedName.Of(column.Name, "old"));
        return
        [
            new GeneratedStep(
                $"expand_change_type_{slug}",
                MigrationPhase.Pre,
                $"""
                Expand: adds {shadowSql} ({newType}) beside {columnSql} ({oldType}) on {table} and the trigger
                {sync.Name}, which keeps both in step on INSERT and UPDATE, casting each way.
                A value that does not cast makes the writing statement fail: check the data before running it.
                App version: the old one is running and keeps using {columnSql}. Defaults, constraints, indexes and
                NOT NULL of {columnSql} are not copied: add what {shadowSql} needs before the contract step, which
                refuses to drop the old column while it still has any of them.
                Abort: strata down removes the trigger and {shadowSql}.
                """,
                sync.AddColumnAndCreate(),
                sync.DropAndDropColumn()),
            sync.BackfillStep($"Backfill: copies {columnSql} cast to {newType} into {shadowSql} for the rows written before the trigger existed."),
            new GeneratedStep(
                $"contract_change_type_{slug}",
                MigrationPhase.Post,
                $"""
                Contract: swaps the columns in one short transaction: drops the trigger {sync.Name}, renames
                {columnSql} away, renames {shadowSql} to {columnSql} and drops the old column. No row is rewritten.
                Before the drop it stops, changing nothing, if the old column still has a default, constraint, index,
                owned sequence or NOT NULL that the new one would lose.
                App version: only the new one may be running, and it must accept {columnSql} as {newType}.
                Abort: before it runs, keep it pending. After it, strata down brings back {columnSql} as {oldType}
                (cast back from {newType}) with the shadow column and its trigger.
                """,
                $"""
                {sync.Drop()}
                ALTER TABLE {table.Sql} RENAME COLUMN {columnSql} TO {old.Sql};
                ALTER TABLE {table.Sql} RENAME COLUMN {shadowSql} TO {columnSql};
                {ColumnDropGuard.Check(old, column.Name)}
                ALTER TABLE {table.Sql} DROP COLUMN {old.Sql};
                """,
                $"""
                ALTER TABLE {table.Sql} RENAME COLUMN {columnSql} TO {shadowSql};
                ALTER TABLE {table.Sql} ADD COLUMN {columnSql} {oldType};
                UPDATE {table.Sql} SET {columnSql} = CAST({shadowSql} AS {oldType});

                {sync.Create()}
                """),
        ];
    }
}
