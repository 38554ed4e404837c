namespace Strata.Lint.Parsing;

/// <summary>A table, index, view or type name as written, with its schema when one was given.</summary>
internal sealed record RelationName(string? Schema, string Name)
{
    /// <summary>The name as SQL would print it, for messages.</summary>
    public override string ToString() => Schema is null ? Name : $"{Schema}.{Name}";
}
