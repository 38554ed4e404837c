using System.Text;

namespace Strata.Core.Tests.Sql;

/// <summary>
/// Builds random but well-formed SQL scripts from a seed, remembering where each statement is, so the splitter's
/// output can be compared with what was built. Statements mix every lexical construct; the trivia between them
/// mixes whitespace, CRLF, nested comments and empty statements.
/// </summary>
internal sealed class SqlScriptGenerator(int seed)
{
    private static readonly string[] Words =
        ["select", "INSERT", "into", "t1", "users", "café", "Ünï", "a$b", "_x", "e", "E", "u", "x", "b", "n", "values", "from", "where", "begin", "end", "case", "do", "as"];

    private static readonly string[] Symbols = ["+", "-", "*", "/", "<", ">", "=", ",", ".", "::", "[", "]", "$", "%", "^", "&", "|", "@", "#", "~", "!", "?", ":"];

    private static readonly string[] Tags = ["", "fn", "body", "_a", "x1", "Tag", "tag", "é"];

    private const string Awkward = ";'\"$-/*\\\r\n\t eEß()";

    private readonly Random _random = new(seed);
    private readonly StringBuilder _text = new();
    private readonly List<(int Offset, string Text)> _statements = [];

    public (string Text, IReadOnlyList<(int Offset, string Text)> Statements) Next()
    {
        _text.Clear();
        _statements.Clear();
        var count = _random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            AppendTrivia(mandatory: i > 0, emptyStatements: true);
            AppendStatement(terminated: i < count - 1 || _random.Next(3) > 0);
        }

        // After a statement without a semicolon, a `;` would end it, and `-` then `--` would join: trivia is only
        // whitespace and comments, and starts with whitespace.
        var unterminated = count > 0 && !_statements[^1].Text.EndsWith(';');
        AppendTrivia(mandatory: unterminated, emptyStatements: !unterminated);
        return (_text.ToString(), _statements.ToList());
    }

    private void AppendStatement(bool terminated)
    {
        var start = _text.Length;
        if (_random.Next(8) == 0)
        {
            AppendAtomicRoutine();
        }
        else
        {
            AppendTokens(_random.Next(1, 8), depth: 0);
        }

        if (terminated)
        {
            if (_random.Next(3) == 0)
            {
                AppendSeparator();
            }

            _text.Append(';');
        }

        _statements.Add((start, _text.ToString(start, _text.Length - start)));
    }

    // A routine whose BEGIN ATOMIC body holds semicolons that must not end the statement.
    private void AppendAtomicRoutine()
    {
        _text.Append(_random.Next(2) == 0 ? "CREATE FUNCTION" : "create or replace PROCEDURE");
        _text.Append(" f() LANGUAGE sql BEGIN ATOMIC");
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            AppendSeparator();
            _text.Append(_random.Next(2) == 0 ? "SELECT CASE WHEN x THEN 1 END" : "select 1");
            _text.Append(';');
        }

        AppendSeparator();
        _text.Append("END");
    }

    private void AppendTokens(int count, int depth)
    {
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                AppendSeparator();
            }

            AppendToken(depth);
        }
    }

    private void AppendToken(int depth)
    {
        switch (_random.Next(11))
        {
            case 0 or 1 or 2: _text.Append(Pick(Words)); break;
            case 3: _text.Append(_random.Next(100_000)).Append(_random.Next(2) == 0 ? "" : ".5e3"); break;
            case 4: AppendQuoted('\'', prefix: Pick(["", "", "B", "X", "N", "U&"])); break;
            case 5: AppendEscapeString(); break;
            case 6: AppendQuoted('"', prefix: _random.Next(4) == 0 ? "U&" : ""); break;
            case 7: AppendDollarQuoted(); break;
            case 8: _text.Append('$').Append(_random.Next(1, 20)); break;
            case 9 when depth < 3: AppendParenthesized(depth); break;
            default: _text.Append(Pick(Symbols)); break;
        }
    }

    // Semicolons inside parentheses do not end a statement.
    private void AppendParenthesized(int depth)
    {
        _text.Append('(');
        AppendSeparator();
        AppendTokens(_random.Next(0, 4), depth + 1);
        if (_random.Next(2) == 0)
        {
            _text.Append(" ; ");
            AppendTokens(_random.Next(1, 3), depth + 1);
        }

        AppendSeparator();
        _text.Append(')');
    }

    private void AppendQuoted(char quote, string prefix)
    {
        _text.Append(prefix).Append(quote);
        foreach (var c in RandomContent(12))
        {
            _text.Append(c);
            if (c == quote)
            {
                _text.Append(quote);
            }
        }

        _text.Append(quote);
    }

    private void AppendEscapeString()
    {
        _text.Append(_random.Next(2) == 0 ? "E'" : "e'");
        foreach (var c in RandomContent(12))
        {
            _text.Append(c switch { '\'' => _random.Next(2) == 0 ? "\\'" : "''", '\\' => "\\\\", _ => c.ToString() });
        }

        _text.Append('\'');
    }

    private void AppendDollarQuoted()
    {
        var delimiter = $"${Pick(Tags)}$";
        var inner = $"${Pick(Tags)}$";
        var body = new StringBuilder(RandomContent(10));
        if (_random.Next(2) == 0 && inner != delimiter)
        {
            body.Append(inner).Append(RandomContent(6)).Append(inner);
        }

        // A body may not contain its own delimiter, nor end in a way that joins the closing one to form it earlier.
        var text = body.ToString();
        while (text.Contains(delimiter, StringComparison.Ordinal))
        {
            text = text.Replace(delimiter, "", StringComparison.Ordinal);
        }

        while ((text + delimiter).IndexOf(delimiter, StringComparison.Ordinal) < text.Length)
        {
            text = text[..^(char.IsLowSurrogate(text[^1]) ? 2 : 1)];
        }

        _text.Append(delimiter).Append(text).Append(delimiter);
    }

    private void AppendSeparator()
    {
        AppendWhitespace();
        if (_random.Next(4) == 0)
        {
            AppendComment();
            AppendWhitespace();
        }
    }

    private void AppendTrivia(bool mandatory, bool emptyStatements)
    {
        if (mandatory)
        {
            AppendWhitespace();
        }

        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            switch (_random.Next(3))
            {
                case 0: AppendComment(); break;
                case 1 when emptyStatements: _text.Append(';'); break;
                default: break;
            }

            AppendWhitespace();
        }
    }

    private void AppendWhitespace()
    {
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            _text.Append(Pick([" ", " ", "\t", "\n", "\r\n", "\r", "\f"]));
        }
    }

    private void AppendComment()
    {
        if (_random.Next(2) == 0)
        {
            _text.Append("--").Append(RandomContent(15).Replace('\r', ' ').Replace('\n', ' ')).Append(_random.Next(2) == 0 ? "\n" : "\r\n");
        }
        else
        {
            AppendBlockComment(depth: 0);
        }
    }

    private void AppendBlockComment(int depth)
    {
        _text.Append("/*");
        _text.Append(RandomContent(10).Replace('*', ' ').Replace('/', ' '));
        if (depth < 3 && _random.Next(3) == 0)
        {
            _text.Append(' ');
            AppendBlockComment(depth + 1);
            _text.Append(' ');
        }

        _text.Append("*/");
    }

    private string RandomContent(int maxLength)
    {
        var builder = new StringBuilder();
        for (var i = _random.Next(0, maxLength); i > 0; i--)
        {
            var roll = _random.Next(10);
            if (roll < 4)
            {
                builder.Append(Awkward[_random.Next(Awkward.Length)]);
            }
            else if (roll < 5)
            {
                builder.Append(char.ConvertFromUtf32(_random.Next(0x1F300, 0x1F600)));
            }
            else
            {
                builder.Append((char)_random.Next('a', 'z' + 1));
            }
        }

        return builder.ToString();
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
