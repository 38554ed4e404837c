using System.Text;

namespace Strata.Core.Execution;

/// <summary>
/// Reads the leading tokens of one statement: skips whitespace and comments, folds unquoted words to lower case, and
/// steps over string, dollar-quoted and numeric literals. It is not a parser; it sees enough to classify a statement.
/// </summary>
internal static class SqlTokenReader
{
    public static IReadOnlyList<SqlToken> Read(string text, int maxTokens = 64)
    {
        var tokens = new List<SqlToken>();
        var i = 0;
        while (tokens.Count < maxTokens && (i = SkipTrivia(text, i)) < text.Length)
        {
            i = ReadToken(text, i, tokens);
        }

        return tokens;
    }

    /// <summary>The index of the first character at or after <paramref name="i"/> that is not whitespace or a comment.</summary>
    public static int SkipTrivia(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (StartsWith(text, i, "--"))
            {
                i = SkipTo(text, i, "\n");
            }
            else if (StartsWith(text, i, "/*"))
            {
                i = SkipBlockComment(text, i);
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int ReadToken(string text, int i, List<SqlToken> tokens)
    {
        var c = text[i];
        if (c == '"')
        {
            var (value, end) = ReadQuoted(text, i, '"');
            tokens.Add(new SqlToken(value, SqlTokenKind.QuotedIdentifier));
            return end;
        }

        if (c == '\'' || ((c is 'e' or 'E' or 'b' or 'B' or 'x' or 'X' or 'n' or 'N') && i + 1 < text.Length && text[i + 1] == '\''))
        {
            var start = c == '\'' ? i : i + 1;
            tokens.Add(new SqlToken(string.Empty, SqlTokenKind.Literal));
            return ReadQuoted(text, start, '\'', backslashEscapes: c is 'e' or 'E').End;
        }

        if (c == '$' && DollarTag(text, i) is { } tag)
        {
            tokens.Add(new SqlToken(string.Empty, SqlTokenKind.Literal));
            var close = text.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + tag.Length;
        }

        if (char.IsLetter(c) || c == '_')
        {
            var end = i;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '$'))
            {
                end++;
            }

            tokens.Add(new SqlToken(text[i..end].ToLowerInvariant(), SqlTokenKind.Word));
            return end;
        }

        if (char.IsDigit(c))
        {
            var end = i;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }

            tokens.Add(new SqlToken(string.Empty, SqlTokenKind.Literal));
            return end;
        }

        tokens.Add(new SqlToken(c.ToString(), SqlTokenKind.Symbol));
        return i + 1;
    }

    private static (string Value, int End) ReadQuoted(string text, int start, char quote, bool backslashEscapes = false)
    {
        var value = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (backslashEscapes && c == '\\' && i + 1 < text.Length)
            {
                value.Append(text[i + 1]);
                i += 2;
            }
            else if (c == quote && i + 1 < text.Length && text[i + 1] == quote)
            {
                value.Append(quote);
                i += 2;
            }
            else if (c == quote)
            {
                return (value.ToString(), i + 1);
            }
            else
            {
                value.Append(c);
                i++;
            }
        }

        return (value.ToString(), text.Length);
    }

    private static string? DollarTag(string text, int i)
    {
        var end = i + 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return end < text.Length && text[end] == '$' && (end == i + 1 || !char.IsDigit(text[i + 1])) ? text[i..(end + 1)] : null;
    }

    private static bool StartsWith(string text, int i, string prefix) => text.AsSpan(i).StartsWith(prefix, StringComparison.Ordinal);

    private static int SkipTo(string text, int i, string terminator)
    {
        var end = text.IndexOf(terminator, i, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    private static int SkipBlockComment(string text, int i)
    {
        var depth = 0;
        while (i < text.Length)
        {
            if (StartsWith(text, i, "/*"))
            {
                depth++;
                i += 2;
            }
            else if (StartsWith(text, i, "*/"))
            {
                i += 2;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }
}
