namespace Strata.Core.Generators;

/// <summary>
/// <c>--add-foreign-key TABLE.COL REFTABLE[.REFCOL]</c>: the constraint added NOT VALID (no scan, brief locks), then
/// validated in a separate migration, whose scan blocks neither table's reads or writes.
/// </summary>
internal static class AddForeignKeyGenerator
{
    /// <param name="column">The referencing column.</param>
    /// <param name="referenced">The referenced table.</param>
    /// <param name="referencedColumn">The referenced column; the referenced table's primary key when null.</param>
    public static IReadOnlyList<GeneratedStep> Generate(ColumnName column, TableName referenced, string? referencedColumn)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(referenced);
        var table = column.Table;
        var name = SqlIdentifier.Quote(GeneratedName.Of(table.Name, column.Name, "fkey"));
        var target = referencedColumn is null ? referenced.Sql : $"{referenced.Sql} ({SqlIdentifier.Quote(referencedColumn)})";
        var constraint = new NotValidConstraint(table, name, $"FOREIGN KEY ({column.Sql}) REFERENCES {target}", "constraint");
        return constraint.Steps(
            "foreign_key",
            Slug.Of(table.Name, column.Name),
            $"""
            Adds the foreign key {name} from {table} ({column.Sql}) to {target} NOT VALID: new and updated rows
            are checked from now on, existing rows are not scanned, so both tables are locked only for an instant.
            App version: every running version must already write only values that exist in {referenced}.
            """,
            $"""
            Validates {name}: scans {table} under SHARE UPDATE EXCLUSIVE (and {referenced} under ROW SHARE),
            which lets reads and writes go on. It fails, changing nothing, if a row points at nothing: fix those
            rows and run it again.
            App version: any.
            """);
    }
}
