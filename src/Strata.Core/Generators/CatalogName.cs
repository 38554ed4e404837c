namespace Strata.Core.Generators;

/// <summary>A table, or a column of one, that a generated migration names, as the catalog stores it.</summary>
/// <param name="Table">The table.</param>
/// <param name="Column">The column, or null for the table itself.</param>
internal sealed record CatalogName(TableName Table, string? Column)
{
    public static CatalogName Of(TableName table) => new(table, null);

    public static CatalogName Of(ColumnName column) => new(column.Table, column.Name);

    /// <summary>For messages: <c>table schema.table</c> or <c>column schema.table.column</c>, as SQL writes them.</summary>
    public override string ToString() =>
        Column is null ? $"table {Table.Sql}" : $"column {new ColumnName(Table, Column)}";
}
