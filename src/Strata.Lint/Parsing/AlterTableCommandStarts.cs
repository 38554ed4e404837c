using System.Text;
using Strata.Core.Sql;

namespace Strata.Lint.Parsing;

/// <summary>
/// Where each action of an <c>ALTER TABLE</c> starts in the statement. The parse tree gives a location only to actions
/// with a definition (a column, a constraint, a partition); <c>SET NOT NULL</c> or <c>DROP COLUMN</c> have none, so
/// their start is read from the text: the first action follows the table's name, each next one a comma outside any
/// parentheses or brackets.
/// </summary>
internal static class AlterTableCommandStarts
{
    /// <summary>
    /// The 0-based UTF-8 byte offsets of the actions' starts, in order, or an empty list when the text does not read as
    /// <paramref name="count"/> actions after the table name at <paramref name="tableLocation"/> (a byte offset).
    /// </summary>
    public static IReadOnlyList<int> Find(string sql, int tableLocation, int count)
    {
        if (tableLocation < 0)
        {
            return [];
        }

        var tokenizer = new SqlTokenizer(sql, CharIndex(sql, tableLocation));
        if (!SkipName(ref tokenizer, sql, out var token))
        {
            return [];
        }

        var starts = new List<int> { token.Start };
        var depth = 0;
        while (tokenizer.Next(out token) && !token.IsUnterminated)
        {
            var symbol = token.Kind == SqlTokenKind.Symbol ? sql[token.Start] : '\0';
            if (symbol is '(' or '[')
            {
                depth++;
            }
            else if (symbol is ')' or ']')
            {
                depth--;
            }
            else if (symbol == ';' && depth == 0)
            {
                break;
            }
            else if (symbol == ',' && depth == 0 && tokenizer.Next(out token))
            {
                starts.Add(token.Start);
            }
        }

        return starts.Count == count ? [.. starts.Select(start => Encoding.UTF8.GetByteCount(sql.AsSpan(0, start)))] : [];
    }

    // Skips [schema.]name (quoted or not, U&"..." too) and an old-style '*', leaving the first token after them in token.
    private static bool SkipName(ref SqlTokenizer tokenizer, string sql, out SqlToken token)
    {
        var expectName = true;
        while (tokenizer.Next(out token) && !token.IsUnterminated)
        {
            var symbol = token.Kind == SqlTokenKind.Symbol ? sql[token.Start] : '\0';
            if (expectName && token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
            {
                expectName = false;
            }
            else if (!expectName && symbol == '.')
            {
                expectName = true;
            }
            else if (!expectName && symbol == '&')
            {
                // U&"name": the prefix was read as the name; the quoted part follows.
                expectName = true;
            }
            else if (!expectName && symbol == '*')
            {
                // The old spelling of "and its descendants" after the name.
            }
            else
            {
                return !expectName;
            }
        }

        return false;
    }

    // The character index of a UTF-8 byte offset into sql.
    private static int CharIndex(string sql, int byteOffset)
    {
        var bytes = 0;
        var index = 0;
        while (index < sql.Length && bytes < byteOffset)
        {
            // A lone surrogate goes to the parser as U+FFFD, three bytes.
            Rune.DecodeFromUtf16(sql.AsSpan(index), out var rune, out var consumed);
            bytes += rune.Utf8SequenceLength;
            index += consumed;
        }

        return index;
    }
}
