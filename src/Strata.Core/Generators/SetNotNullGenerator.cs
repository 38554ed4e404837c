using Strata.Core.Migrations;

namespace Strata.Core.Generators;

/// <summary>
/// <c>--set-not-null TABLE.COL</c>: a CHECK (col IS NOT NULL) added NOT VALID (instant), validated in a separate
/// migration (a scan that blocks no reads or writes), then SET NOT NULL, which PostgreSQL 12+ proves from the
/// validated check without scanning, and the check dropped.
/// </summary>
internal static class SetNotNullGenerator
{
    public static IReadOnlyList<GeneratedStep> Generate(ColumnName column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var table = column.Table;
        var check = SqlIdentifier.Quote(GeneratedName.Of(table.Name, column.Name, "not_null"));
        var slug = Slug.Of(table.Name, column.Name);
        var steps = new NotValidConstraint(table, check, $"CHECK ({column.Sql} IS NOT NULL)", "check").Steps(
            "not_null_check",
            slug,
            $"""
            Adds the check {check} on {table} NOT VALID: from now on no INSERT or UPDATE may leave {column.Sql}
            NULL, but existing rows are not scanned, so the lock is held only for an instant.
            App version: every running version must already write a value into {column.Sql}; fix the rows that are
            NULL (or backfill them) before the next migration validates the check.
            """,
            $"""
            Validates {check}: scans {table} under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
            It fails, changing nothing, if a row still has {column.Sql} NULL: fix those rows and run it again.
            App version: any version that writes {column.Sql}.
            """);
        return
        [
            .. steps,
            new GeneratedStep(
                $"set_not_null_{slug}",
                MigrationPhase.Pre,
                $"""
                Sets {column.Sql} NOT NULL, which needs no scan because the validated check {check} proves it
                (PostgreSQL 12+), and drops the check, now redundant.
                App version: any version that writes {column.Sql}.
                Abort: strata down drops NOT NULL and restores the validated check.
                """,
                $"""
                ALTER TABLE {table.Sql} ALTER COLUMN {column.Sql} SET NOT NULL;
                ALTER TABLE {table.Sql} DROP CONSTRAINT {check};
                """,
                $"""
                ALTER TABLE {table.Sql} ADD CONSTRAINT {check} CHECK ({column.Sql} IS NOT NULL);
                ALTER TABLE {table.Sql} ALTER COLUMN {column.Sql} DROP NOT NULL;
                """),
        ];
    }
}
