using Strata.Core.Errors;

namespace Strata.Core.Sql;

/// <summary>One run of <see cref="SqlSplitter.Split"/>: the token loop and the statement being built.</summary>
internal sealed class SqlSplitRun
{
    private readonly string _sql;
    private readonly string? _fileName;
    private readonly string _kind;
    private readonly List<SqlStatement> _statements = [];
    private SqlPositionCounter _positions;
    private SqlStatementContext _context;
    private int _start = -1;
    private int _end;

    public SqlSplitRun(string sql, SqlSplitOptions options)
    {
        _sql = sql;
        _fileName = options.FileName;
        _kind = options.Kind;
        _positions = new SqlPositionCounter(sql, options.FirstLine, options.FirstColumn);
    }

    public List<SqlStatement> Run()
    {
        var tokenizer = new SqlTokenizer(_sql);
        while (tokenizer.Next(out var token))
        {
            if (token.IsUnterminated)
            {
                throw Unterminated(token);
            }

            if (_sql[token.Start] == ';' && _context.AtTopLevel)
            {
                EndStatement(token.End);
                continue;
            }

            if (_start < 0 && IsDumpRestrictLine(token.Start))
            {
                // pg_dump's \restrict and \unrestrict lines only keep psql from running other meta-commands, which
                // are refused here anyway, so the pair is passed over.
                var lineEnd = _sql.IndexOf('\n', token.Start);
                tokenizer = new SqlTokenizer(_sql, lineEnd < 0 ? _sql.Length : lineEnd);
                continue;
            }

            if (_start < 0)
            {
                _start = token.Start;
            }

            _end = token.End;
            Observe(token);
        }

        EndStatement(_end);
        return _statements;
    }

    private void Observe(SqlToken token)
    {
        switch (token.Kind)
        {
            case SqlTokenKind.Word:
                if (_context.OnWord(_sql.AsSpan(token.Start, token.End - token.Start)))
                {
                    throw Error(_start, $"COPY ... FROM STDIN is not supported in {_kind}s: the data rows that follow it are psql input, not SQL; load the data with INSERT statements instead");
                }

                break;
            case SqlTokenKind.Symbol when _sql[token.Start] == '\\':
                throw MetaCommand(token.Start);
            case SqlTokenKind.Symbol:
                _context.OnSymbol(_sql[token.Start]);
                break;
            default:
                _context.OnOther();
                break;
        }
    }

    // A line of its own, between statements, that is one of pg_dump's \restrict and \unrestrict lines.
    private bool IsDumpRestrictLine(int index) =>
        (index == 0 || _sql[index - 1] == '\n') && PgDumpRestrict.IsLine(_sql.AsSpan(index));

    // A semicolon with no statement before it is an empty statement: it stays in the trivia.
    private void EndStatement(int end)
    {
        if (_start >= 0)
        {
            var (line, column) = _positions.At(_start);
            _statements.Add(new SqlStatement(_sql[_start..end], line, column, _start));
        }

        _start = -1;
        _context = default;
    }

    private SqlSyntaxException MetaCommand(int index)
    {
        var end = index + 1;
        while (end < _sql.Length && end - index < 24 && !SqlScan.IsWhitespace(_sql[end]))
        {
            end++;
        }

        var command = _sql[index..end];
        return Error(index, $"psql meta-command {command} is not supported in {_kind}s: a {_kind} is plain SQL that Strata sends to the server itself; remove the line");
    }

    private SqlSyntaxException Unterminated(SqlToken token) => token.Kind switch
    {
        SqlTokenKind.UnterminatedString => Error(token.Start, "unterminated string: the ' opened here is never closed; close it with ' (write '' for a quote inside the string)"),
        SqlTokenKind.UnterminatedEscapeString => Error(token.Start, "unterminated E'...' string opened here; close it with ' (inside E'...' a backslash escapes the next character, so \\' does not close it)"),
        SqlTokenKind.UnterminatedQuotedIdentifier => Error(token.Start, "unterminated quoted identifier: the \" opened here is never closed; close it with \" (write \"\" for a quote inside the name)"),
        SqlTokenKind.UnterminatedDollarString => UnterminatedDollar(token.Start),
        _ => Error(token.Start, "unterminated block comment: the /* opened here is never closed; close it with */ (block comments nest, so every /* inside it needs its own */)"),
    };

    private SqlSyntaxException UnterminatedDollar(int index)
    {
        var delimiter = _sql[index..SqlScan.DollarDelimiterEnd(_sql, index)];
        return Error(index, $"unterminated dollar-quoted string: the {delimiter} opened here has no closing {delimiter}; add {delimiter} where the body ends (tags are case-sensitive)");
    }

    private SqlSyntaxException Error(int index, string message)
    {
        var (line, column) = _positions.At(index);
        var where = _fileName is null ? $"line {line}, column {column}" : $"{_fileName}:{line}:{column}";
        return new SqlSyntaxException($"{where}: {message}.", _fileName, line, column);
    }
}
