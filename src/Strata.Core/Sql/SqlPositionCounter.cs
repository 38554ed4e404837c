namespace Strata.Core.Sql;

/// <summary>
/// Turns character offsets into 1-based file lines and columns, walking forward from the last offset asked for so
/// that a whole script costs one pass. A line ends at LF, CRLF or a lone CR; a column counts Unicode code points,
/// so a character outside the Basic Multilingual Plane is one column, as PostgreSQL counts positions.
/// </summary>
internal struct SqlPositionCounter
{
    private readonly string _text;
    private readonly int _firstLine;
    private readonly int _firstColumn;
    private int _index;
    private int _line;
    private int _column;

    public SqlPositionCounter(string text, int firstLine, int firstColumn)
    {
        _text = text;
        _firstLine = firstLine;
        _firstColumn = firstColumn;
        _line = firstLine;
        _column = firstColumn;
    }

    /// <summary>The line and column of the character at <paramref name="offset"/>.</summary>
    public (int Line, int Column) At(int offset)
    {
        if (offset < _index)
        {
            (_index, _line, _column) = (0, _firstLine, _firstColumn);
        }

        var text = _text;
        for (; _index < offset; _index++)
        {
            var c = text[_index];
            if (c == '\n' || (c == '\r' && (_index + 1 >= text.Length || text[_index + 1] != '\n')))
            {
                _line++;
                _column = 1;
            }
            else if (c != '\r' && !IsSecondHalfOfPair(text, _index))
            {
                _column++;
            }
        }

        return (_line, _column);
    }

    private static bool IsSecondHalfOfPair(string text, int index) =>
        char.IsLowSurrogate(text[index]) && index > 0 && char.IsHighSurrogate(text[index - 1]);
}
