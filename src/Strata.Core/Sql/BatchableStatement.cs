namespace Strata.Core.Sql;

/// <summary>
/// A plain <c>UPDATE</c> or <c>DELETE</c> read far enough to run it over a key range: its target table as written,
/// the name its columns are qualified by, and where its top-level <c>WHERE</c> condition sits, so a range can be
/// ANDed with the statement's own condition without reparsing the rest.
/// </summary>
/// <param name="Text">The statement without its terminating semicolon.</param>
/// <param name="Command"><c>UPDATE</c> or <c>DELETE</c>.</param>
/// <param name="Table">The target table exactly as written (schema-qualified or not, quotes kept).</param>
/// <param name="Qualifier">What the target's columns are qualified by in the statement: its alias, or the table as written.</param>
/// <param name="WhereEnd">The offset just past the top-level <c>WHERE</c> keyword, or -1 when the statement has none.</param>
internal sealed record BatchableStatement(string Text, string Command, string Table, string Qualifier, int WhereEnd)
{
    /// <summary>
    /// The statement restricted by <paramref name="range"/>, a boolean SQL expression: ANDed with the statement's own
    /// condition (kept in parentheses, so its ORs stay inside), or as the condition of a statement that had none.
    /// </summary>
    public string Restricted(string range) =>
        WhereEnd < 0
            ? Text + "\nWHERE " + range
            // The line break before the closing parenthesis ends a trailing line comment in the condition.
            : Text[..WhereEnd] + " " + range + " AND (" + Text[WhereEnd..] + "\n)";

    /// <summary>Reads <paramref name="statement"/>, or says in <paramref name="problem"/> why it cannot run in batches.</summary>
    public static BatchableStatement? Read(string statement, out string problem)
    {
        var tokens = Tokens(statement);
        var text = statement;
        if (tokens.Count > 0 && IsSymbol(text, tokens[^1], ';'))
        {
            text = statement[..tokens[^1].Start].TrimEnd();
            tokens.RemoveAt(tokens.Count - 1);
        }

        var reader = new Reader(text, tokens);
        var command = reader.Word(0);
        int tableAt;
        if (command == "update")
        {
            tableAt = 1;
        }
        else if (command == "delete" && reader.Word(1) == "from")
        {
            tableAt = 2;
        }
        else
        {
            problem = "the statement after it must be a plain UPDATE or DELETE (no WITH, no other command)";
            return null;
        }

        return ReadTarget(reader, text, command.ToUpperInvariant(), tableAt, out problem);
    }

    private static BatchableStatement? ReadTarget(Reader reader, string text, string command, int at, out string problem)
    {
        if (reader.Word(at) == "only")
        {
            at++;
        }

        var first = at;
        if (!reader.IsName(at))
        {
            problem = $"cannot find the table the {command} changes";
            return null;
        }

        while (reader.IsSymbol(at + 1, '.') && reader.IsName(at + 2))
        {
            at += 2;
        }

        var table = reader.Span(first, at);
        at++;
        if (reader.IsSymbol(at, '*'))
        {
            at++;
        }

        var qualifier = table;
        if (reader.Word(at) == "as" && reader.IsName(at + 1))
        {
            qualifier = reader.Span(at + 1, at + 1);
        }
        else if (reader.IsName(at) && reader.Word(at) is not ("set" or "using" or "where" or "returning"))
        {
            qualifier = reader.Span(at, at);
        }

        var (where, returning) = reader.TopLevel(at);
        if (returning >= 0)
        {
            problem = "RETURNING has no use in a batched statement; remove it";
            return null;
        }

        if (where >= 0 && reader.Word(where + 1) == "current" && reader.Word(where + 2) == "of")
        {
            problem = "WHERE CURRENT OF cannot run in batches";
            return null;
        }

        problem = string.Empty;
        return new BatchableStatement(text, command, table, qualifier, where < 0 ? -1 : reader.End(where));
    }

    private static List<SqlToken> Tokens(string sql)
    {
        var tokens = new List<SqlToken>();
        var tokenizer = new SqlTokenizer(sql);
        while (tokenizer.Next(out var token))
        {
            tokens.Add(token);
        }

        return tokens;
    }

    private static bool IsSymbol(string sql, SqlToken token, char symbol) => token.Kind == SqlTokenKind.Symbol && sql[token.Start] == symbol;

    private readonly struct Reader(string sql, List<SqlToken> tokens)
    {
        public string? Word(int index) =>
            index < tokens.Count && tokens[index].Kind == SqlTokenKind.Word ? sql[tokens[index].Start..tokens[index].End].ToLowerInvariant() : null;

        public bool IsName(int index) => index < tokens.Count && tokens[index].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

        public bool IsSymbol(int index, char symbol) => index < tokens.Count && BatchableStatement.IsSymbol(sql, tokens[index], symbol);

        public string Span(int first, int last) => sql[tokens[first].Start..tokens[last].End];

        public int End(int index) => tokens[index].End;

        /// <summary>The token indexes of the first <c>WHERE</c> and <c>RETURNING</c> outside parentheses from <paramref name="start"/>, or -1.</summary>
        public (int Where, int Returning) TopLevel(int start)
        {
            var (depth, where, returning) = (0, -1, -1);
            for (var i = start; i < tokens.Count; i++)
            {
                if (IsSymbol(i, '(') || IsSymbol(i, '['))
                {
                    depth++;
                }
                else if (IsSymbol(i, ')') || IsSymbol(i, ']'))
                {
                    depth--;
                }
                else if (depth == 0 && where < 0 && Word(i) == "where")
                {
                    where = i;
                }
                else if (depth == 0 && returning < 0 && Word(i) == "returning")
                {
                    returning = i;
                }
            }

            return (where, returning);
        }
    }
}
