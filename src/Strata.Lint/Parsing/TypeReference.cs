namespace Strata.Lint.Parsing;

/// <summary>A type as written in a column definition: the parser's canonical name (int4, varchar, ...) and modifiers.</summary>
/// <param name="Name">The last part of the name, as the parser resolves it (<c>integer</c> becomes <c>int4</c>).</param>
/// <param name="IsBuiltIn">True when the parser qualified it with <c>pg_catalog</c> (SQL-standard spellings).</param>
/// <param name="Modifiers">The integer modifiers, such as a varchar's length; empty when none.</param>
/// <param name="IsArray">True for an array type.</param>
internal sealed record TypeReference(string Name, bool IsBuiltIn, IReadOnlyList<int> Modifiers, bool IsArray)
{
    /// <summary>The type as a reader would write it, for messages.</summary>
    public override string ToString() =>
        Name + (Modifiers.Count > 0 ? $"({string.Join(',', Modifiers)})" : "") + (IsArray ? "[]" : "");
}
