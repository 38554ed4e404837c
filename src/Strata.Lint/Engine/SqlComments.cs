using Strata.Core.Sql;

namespace Strata.Lint.Engine;

/// <summary>
/// Lists the comments of a script: what lies between the tokens the SQL tokenizer reads is whitespace and comments,
/// so a <c>--</c> inside a string literal, a quoted name or a dollar-quoted body is never taken for one.
/// </summary>
internal static class SqlComments
{
    public static List<SqlComment> Read(string text)
    {
        var comments = new List<SqlComment>();
        var tokenizer = new SqlTokenizer(text);
        var gapStart = 0;
        while (tokenizer.Next(out var token))
        {
            // An unterminated block comment comes back as a token; the splitter has already refused such a script.
            var gapEnd = token.Kind == SqlTokenKind.UnterminatedBlockComment ? text.Length : token.Start;
            ReadGap(text, gapStart, gapEnd, comments);
            gapStart = token.End;
        }

        ReadGap(text, gapStart, text.Length, comments);
        return comments;
    }

    private static void ReadGap(string text, int position, int end, List<SqlComment> comments)
    {
        while (true)
        {
            position = SqlScan.SkipWhitespace(text, position);
            if (position + 1 >= end)
            {
                return;
            }

            if (text[position] == '-' && text[position + 1] == '-')
            {
                var close = SqlScan.SkipLineComment(text, position);
                comments.Add(new SqlComment(position, close, text[(position + 2)..close]));
                position = close;
            }
            else if (text[position] == '/' && text[position + 1] == '*')
            {
                var close = SqlScan.SkipBlockComment(text, position);
                if (close < 0)
                {
                    return;
                }

                comments.Add(new SqlComment(position, close, text[(position + 2)..(close - 2)]));
                position = close;
            }
            else
            {
                return;
            }
        }
    }
}
