namespace Strata.Lint.Parsing;

/// <summary>A table, index, view or type name as written, with its schema when one was given.</summary>
internal sealed record RelationName(string? Schema, string Name)
{
    /// <summary>
    /// The name with its schema: an unqualified name is created in, and found first in, the default search path's
    /// schema, <c>public</c>. Names that refer to the same table compare equal this way.
    /// </summary>
    public RelationName Qualified => Schema is null ? this with { Schema = "public" } : this;

    /// <summary>The name as SQL would print it, for messages.</summary>
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}
