namespace Strata.Core.Sql;

/// <summary>
/// Character classes and skip functions of PostgreSQL's lexical grammar (scan.l). Each skip function takes the
/// index where a construct starts and returns the index just past it, or -1 when the text ends inside it. They
/// search with vectorized <c>IndexOf</c> calls rather than a loop per character.
/// </summary>
internal static class SqlScan
{
    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    // The server's lexer works on bytes and takes every byte above 0x7F as a letter, so any non-ASCII character is.
    public static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    private static bool IsDollarTagPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c);

    private static bool IsNumberPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';

    public static int SkipWhitespace(string text, int index)
    {
        while (index < text.Length && IsWhitespace(text[index]))
        {
            index++;
        }

        return index;
    }

    /// <summary>Skips a <c>--</c> comment up to (not including) its line break.</summary>
    public static int SkipLineComment(string text, int index)
    {
        var found = text.AsSpan(index + 2).IndexOfAny('\r', '\n');
        return found < 0 ? text.Length : index + 2 + found;
    }

    /// <summary>Skips a <c>/* */</c> comment; block comments nest in PostgreSQL.</summary>
    public static int SkipBlockComment(string text, int index)
    {
        var depth = 1;
        var position = index + 2;
        while (true)
        {
            var found = text.AsSpan(position).IndexOfAny('*', '/');
            if (found < 0 || position + found + 1 >= text.Length)
            {
                return -1;
            }

            position += found;
            var pair = (text[position], text[position + 1]);
            if (pair == ('*', '/'))
            {
                position += 2;
                if (--depth == 0)
                {
                    return position;
                }
            }
            else if (pair == ('/', '*'))
            {
                position += 2;
                depth++;
            }
            else
            {
                position++;
            }
        }
    }

    /// <summary>Skips a string or quoted identifier whose quote character is escaped by doubling it.</summary>
    public static int SkipQuoted(string text, int index, char quote)
    {
        var position = index + 1;
        while (true)
        {
            var found = text.AsSpan(position).IndexOf(quote);
            if (found < 0)
            {
                return -1;
            }

            position += found + 1;
            if (position >= text.Length || text[position] != quote)
            {
                return position;
            }

            position++;
        }
    }

    /// <summary>Skips the quoted part of an <c>E'...'</c> string, where a backslash escapes the next character.</summary>
    public static int SkipEscapeString(string text, int quoteIndex)
    {
        var position = quoteIndex + 1;
        while (true)
        {
            var found = text.AsSpan(position).IndexOfAny('\'', '\\');
            if (found < 0)
            {
                return -1;
            }

            position += found;
            if (text[position] == '\\')
            {
                position += 2;
                if (position > text.Length)
                {
                    return -1;
                }

                continue;
            }

            position++;
            if (position >= text.Length || text[position] != '\'')
            {
                return position;
            }

            position++;
        }
    }

    /// <summary>Returns the index past a dollar-quote delimiter (<c>$$</c>, <c>$tag$</c>) at <paramref name="index"/>, or -1 if there is none.</summary>
    public static int DollarDelimiterEnd(string text, int index)
    {
        var position = index + 1;
        if (position < text.Length && IsIdentifierStart(text[position]))
        {
            position++;
            while (position < text.Length && IsDollarTagPart(text[position]))
            {
                position++;
            }
        }

        return position < text.Length && text[position] == '$' ? position + 1 : -1;
    }

    /// <summary>
    /// Skips a dollar-quoted body up to the first occurrence of its own delimiter; other dollar quotes inside it are
    /// plain text, which is how a function body can itself contain <c>$$</c> under a different tag.
    /// </summary>
    public static int SkipDollarBody(string text, int bodyStart, ReadOnlySpan<char> delimiter)
    {
        var found = text.AsSpan(bodyStart).IndexOf(delimiter);
        return found < 0 ? -1 : bodyStart + found + delimiter.Length;
    }

    public static int SkipWord(string text, int index)
    {
        index++;
        while (index < text.Length && IsIdentifierPart(text[index]))
        {
            index++;
        }

        return index;
    }

    // Letters are taken too (1e10, 0x1F, 1_000): a number never ends a statement, so precision here does not matter.
    public static int SkipNumber(string text, int index)
    {
        while (index < text.Length && IsNumberPart(text[index]))
        {
            index++;
        }

        return index;
    }

    public static int SkipDigits(string text, int index)
    {
        while (index < text.Length && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        return index;
    }
}
