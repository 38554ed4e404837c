using Strata.Core.Sql;

namespace Strata.Core.Execution;

/// <summary>
/// Finds statements that cannot run inside a migration's transaction (they must go in a <c>transaction:false</c>
/// section), statements that would end the migration's transaction early, and the index a concurrent build creates.
/// </summary>
internal static class StatementClassifier
{
    // Enough for CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS name ON ONLY schema . table.
    private const int Window = 16;

    /// <param name="statement">The statement's text.</param>
    /// <param name="serverMajorVersion">The server's major version: what may run in a transaction changed over time.</param>
    public static StatementClass Classify(string statement, int serverMajorVersion)
    {
        if (NonTransactionalStatements.Find(statement, serverMajorVersion) is { } command)
        {
            return new StatementClass(StatementKind.NoTransaction, command, ConcurrentIndexOf(statement));
        }

        var words = Words.Read(statement, Window);
        return words.Word(0) switch
        {
            "begin" or "start" or "commit" or "end" or "abort" => Control(words.Word(0)!),
            // ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name stays inside the transaction.
            "rollback" when words.Word(1) != "to" && words.Word(2) != "to" => Control("rollback"),
            "prepare" when words.Word(1) == "transaction" => Control("prepare transaction"),
            _ => StatementClass.Ordinary,
        };
    }

    /// <summary>
    /// Whether a statement may change the connection's session state beyond its transaction: <c>SET</c> (not
    /// <c>SET LOCAL</c>, <c>SET TRANSACTION</c> or <c>SET CONSTRAINTS</c>), <c>RESET</c>, <c>DISCARD</c>, any call of
    /// <c>set_config</c> (pg_dump's <c>SELECT pg_catalog.set_config('search_path', '', false)</c>), a cursor
    /// (<c>DECLARE … WITH HOLD</c> outlives the transaction), a temporary table, view or sequence (any statement with
    /// the word <c>temp</c>, <c>temporary</c> or <c>pg_temp</c>), and the <c>DO</c> blocks and <c>CALL</c>s that may
    /// do any of those. A function that changes settings itself, called from an ordinary statement, is not seen.
    /// </summary>
    public static bool MayChangeSession(string statement)
    {
        if (statement.Contains("set_config", StringComparison.OrdinalIgnoreCase) || MayCreateTemporary(statement) || IsSessionSetting(statement))
        {
            return true;
        }

        return Words.Read(statement, 1).Word(0) is "discard" or "declare" or "do" or "call";
    }

    /// <summary>
    /// Whether a statement is a <c>SET</c> or <c>RESET</c> whose effect lasts the session (not <c>SET LOCAL</c>,
    /// <c>SET TRANSACTION</c> or <c>SET CONSTRAINTS</c>): it changes settings and nothing else, so running it again
    /// gives the same session.
    /// </summary>
    public static bool IsSessionSetting(string statement)
    {
        var words = Words.Read(statement, 2);
        return words.Word(0) switch
        {
            "set" => words.Word(1) is not ("local" or "transaction" or "constraints"),
            "reset" => true,
            _ => false,
        };
    }

    // A temporary object lives until the session ends (unless ON COMMIT DROP), and pg_temp comes first in the search
    // path: a temporary table left by one migration hides the table of the same name from the migrations after it.
    // Any unquoted temp, temporary or pg_temp counts (a column named temp too): restoring a session that kept nothing
    // costs a few statements in the same round trip.
    private static bool MayCreateTemporary(string statement)
    {
        if (!statement.Contains("temp", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var tokenizer = new SqlTokenizer(statement);
        while (tokenizer.Next(out var token) && !token.IsUnterminated)
        {
            if (token.Kind == SqlTokenKind.Word
                && statement.AsSpan(token.Start, token.End - token.Start) is var word
                && (word.Equals("temp", StringComparison.OrdinalIgnoreCase)
                    || word.Equals("temporary", StringComparison.OrdinalIgnoreCase)
                    || word.Equals("pg_temp", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index named by a <c>CREATE INDEX CONCURRENTLY</c> statement, or null when it has no name.</summary>
    public static IndexName? ConcurrentIndexOf(string statement)
    {
        // CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] [schema.]table ...
        var words = Words.Read(statement, Window);
        var i = words.Word(1) == "unique" ? 2 : 1;
        if (words.Word(0) != "create" || words.Word(i) != "index" || words.Word(i + 1) != "concurrently")
        {
            return null;
        }

        i += 2;
        if (words.Word(i) == "if" && words.Word(i + 1) == "not" && words.Word(i + 2) == "exists")
        {
            i += 3;
        }

        if (words.Name(i) is not { } name || words.Word(i) == "on" || words.Word(i + 1) != "on")
        {
            return null;
        }

        var table = words.Word(i + 2) == "only" ? i + 3 : i + 2;
        var qualified = words.IsSymbol(table + 1, '.');
        return words.Name(qualified ? table + 2 : table) is { } tableName
            ? new IndexName(qualified ? words.Name(table) : null, name, tableName)
            : null;
    }

    private static StatementClass Control(string command) => new(StatementKind.TransactionControl, command.ToUpperInvariant());

    /// <summary>The leading tokens of a statement, with names folded the way PostgreSQL folds them.</summary>
    private readonly struct Words(string sql, List<SqlToken> tokens)
    {
        public static Words Read(string sql, int count)
        {
            var tokens = new List<SqlToken>(count);
            var tokenizer = new SqlTokenizer(sql);
            while (tokens.Count < count && tokenizer.Next(out var token) && !token.IsUnterminated)
            {
                tokens.Add(token);
            }

            return new Words(sql, tokens);
        }

        /// <summary>An unquoted word in lower case, or null.</summary>
        public string? Word(int index) =>
            index < tokens.Count && tokens[index].Kind == SqlTokenKind.Word ? Text(tokens[index]).ToLowerInvariant() : null;

        /// <summary>An identifier: a word folded to lower case, or a quoted identifier without its quotes.</summary>
        public string? Name(int index) =>
            index >= tokens.Count ? null
            : tokens[index].Kind == SqlTokenKind.QuotedIdentifier ? Text(tokens[index])[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : Word(index);

        public bool IsSymbol(int index, char symbol) =>
            index < tokens.Count && tokens[index].Kind == SqlTokenKind.Symbol && sql[tokens[index].Start] == symbol;

        private string Text(SqlToken token) => sql[token.Start..token.End];
    }
}
