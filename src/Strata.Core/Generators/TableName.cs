namespace Strata.Core.Generators;

/// <summary>A table (or view) in a schema, with names exactly as the catalog stores them.</summary>
/// <param name="Schema">The schema; <c>public</c> when the argument named none.</param>
/// <param name="Name">The table's name.</param>
internal sealed record TableName(string Schema, string Name)
{
    /// <summary>The schema-qualified name as SQL writes it.</summary>
    public string Sql => SqlIdentifier.Quote(Schema) + "." + SqlIdentifier.Quote(Name);

    /// <summary>The same schema with another name (a view, index or constraint beside the table).</summary>
    public TableName Sibling(string name) => this with { Name = name };

    /// <summary>For messages: <c>schema.table</c> as SQL writes it.</summary>
    public override string ToString() => Sql;
}
