using Strata.Core.Sql;

namespace Strata.Lint.Parsing;

/// <summary>A statement from our splitter together with PostgreSQL's parse of it.</summary>
/// <param name="Source">The statement, with its position in the file.</param>
/// <param name="Node">The typed parse.</param>
internal sealed record ParsedStatement(SqlStatement Source, StatementNode Node)
{
    /// <summary>
    /// The file line and column of a parse-tree location: a 0-based UTF-8 byte offset into the statement, as
    /// libpg_query reports them. A negative offset means the statement's start.
    /// </summary>
    public (int Line, int Column) LocationOf(int byteOffset)
    {
        if (byteOffset <= 0)
        {
            return (Source.Line, Source.Column);
        }

        return Source.LocationOf(CodePointsBefore(Source.Text, byteOffset) + 1);
    }

    internal static int CodePointsBefore(string text, int byteOffset)
    {
        var bytes = 0;
        var codePoints = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (bytes >= byteOffset)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            codePoints++;
        }

        return codePoints;
    }
}
