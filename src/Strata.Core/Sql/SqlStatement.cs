namespace Strata.Core.Sql;

/// <summary>One statement of a SQL script, with where it starts in its file.</summary>
/// <param name="Text">The statement's text as written, including its terminating semicolon when it has one.</param>
/// <param name="Line">The 1-based line of the statement's first significant character in the file.</param>
/// <param name="Column">The 1-based column of that character.</param>
/// <param name="Offset">The 0-based character offset of <paramref name="Text"/> within the script that was split.</param>
internal sealed record SqlStatement(string Text, int Line, int Column, int Offset)
{
    /// <summary>
    /// Converts a 1-based position within <see cref="Text"/>, counted in characters as PostgreSQL counts
    /// <c>PostgresException.Position</c>, into the line and column in the file. A position outside the text is
    /// clamped to it.
    /// </summary>
    public (int Line, int Column) LocationOf(int position)
    {
        var index = IndexOfCodePoint(Math.Max(position, 1) - 1);
        return new SqlPositionCounter(Text, Line, Column).At(index);
    }

    private int IndexOfCodePoint(int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < Text.Length; seen++)
        {
            var isPair = char.IsHighSurrogate(Text[index]) && index + 1 < Text.Length && char.IsLowSurrogate(Text[index + 1]);
            index += isPair ? 2 : 1;
        }

        return Math.Min(index, Math.Max(Text.Length - 1, 0));
    }
}
