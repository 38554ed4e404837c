namespace Strata.Core.Generators;

/// <summary>A column of a table, with names exactly as the catalog stores them.</summary>
internal sealed record ColumnName(TableName Table, string Name)
{
    /// <summary>The column alone, as SQL writes it.</summary>
    public string Sql => SqlIdentifier.Quote(Name);

    /// <summary>For messages: <c>schema.table.column</c> as SQL writes it.</summary>
    public override string ToString() => $"{Table.Sql}.{Sql}";
}
