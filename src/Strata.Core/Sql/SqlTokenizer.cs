namespace Strata.Core.Sql;

/// <summary>
/// Reads PostgreSQL tokens from SQL text one at a time, skipping whitespace and comments, with the server's rules
/// under <c>standard_conforming_strings = on</c> (a backslash is literal in a plain string). It never throws: a
/// construct the text ends inside of comes back as an unterminated token running to the end.
/// </summary>
internal struct SqlTokenizer
{
    private readonly string _text;
    private int _position;

    public SqlTokenizer(string text, int start = 0)
    {
        _text = text;
        _position = start;
    }

    /// <summary>Reads the next token, or returns false at the end of the text.</summary>
    public bool Next(out SqlToken token)
    {
        var start = SkipTrivia();
        if (start < 0)
        {
            token = new SqlToken(SqlTokenKind.UnterminatedBlockComment, ~start, _text.Length);
            _position = _text.Length;
            return true;
        }

        if (start >= _text.Length)
        {
            token = default;
            return false;
        }

        token = Read(start);
        _position = token.End;
        return true;
    }

    // Returns the start of the next token, or the bitwise complement of where an unterminated comment starts.
    private int SkipTrivia()
    {
        var text = _text;
        var position = _position;
        while (true)
        {
            position = SqlScan.SkipWhitespace(text, position);
            if (position + 1 >= text.Length)
            {
                return position;
            }

            if (text[position] == '-' && text[position + 1] == '-')
            {
                position = SqlScan.SkipLineComment(text, position);
            }
            else if (text[position] == '/' && text[position + 1] == '*')
            {
                var end = SqlScan.SkipBlockComment(text, position);
                if (end < 0)
                {
                    return ~position;
                }

                position = end;
            }
            else
            {
                return position;
            }
        }
    }

    private readonly SqlToken Read(int start)
    {
        var c = _text[start];
        return c switch
        {
            '\'' => Quoted(start, '\'', SqlTokenKind.String, SqlTokenKind.UnterminatedString),
            '"' => Quoted(start, '"', SqlTokenKind.QuotedIdentifier, SqlTokenKind.UnterminatedQuotedIdentifier),
            '$' => Dollar(start),
            _ when SqlScan.IsIdentifierStart(c) => Word(start),
            _ when char.IsAsciiDigit(c) => new SqlToken(SqlTokenKind.Number, start, SqlScan.SkipNumber(_text, start)),
            _ => new SqlToken(SqlTokenKind.Symbol, start, start + 1),
        };
    }

    private readonly SqlToken Quoted(int start, char quote, SqlTokenKind kind, SqlTokenKind unterminated)
    {
        var end = SqlScan.SkipQuoted(_text, start, quote);
        return end < 0 ? new SqlToken(unterminated, start, _text.Length) : new SqlToken(kind, start, end);
    }

    private readonly SqlToken Word(int start)
    {
        var end = SqlScan.SkipWord(_text, start);
        var isEscapePrefix = end == start + 1 && (_text[start] | 0x20) == 'e' && end < _text.Length && _text[end] == '\'';
        if (!isEscapePrefix)
        {
            return new SqlToken(SqlTokenKind.Word, start, end);
        }

        var close = SqlScan.SkipEscapeString(_text, end);
        return close < 0
            ? new SqlToken(SqlTokenKind.UnterminatedEscapeString, start, _text.Length)
            : new SqlToken(SqlTokenKind.EscapeString, start, close);
    }

    private readonly SqlToken Dollar(int start)
    {
        if (start + 1 < _text.Length && char.IsAsciiDigit(_text[start + 1]))
        {
            return new SqlToken(SqlTokenKind.Parameter, start, SqlScan.SkipDigits(_text, start + 1));
        }

        var delimiterEnd = SqlScan.DollarDelimiterEnd(_text, start);
        if (delimiterEnd < 0)
        {
            return new SqlToken(SqlTokenKind.Symbol, start, start + 1);
        }

        var delimiter = _text.AsSpan(start, delimiterEnd - start);
        var end = SqlScan.SkipDollarBody(_text, delimiterEnd, delimiter);
        return end < 0
            ? new SqlToken(SqlTokenKind.UnterminatedDollarString, start, _text.Length)
            : new SqlToken(SqlTokenKind.DollarString, start, end);
    }
}
