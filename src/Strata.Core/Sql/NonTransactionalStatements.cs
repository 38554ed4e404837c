namespace Strata.Core.Sql;

/// <summary>
/// Recognizes statements that PostgreSQL refuses to run inside a transaction block, so a migration that contains
/// one can be told to use <c>transaction:false</c> before it fails half-way.
/// </summary>
internal static class NonTransactionalStatements
{
    // Enough for every pattern below, including a schema-qualified quoted name.
    private const int Window = 48;

    /// <summary>
    /// Returns the command (such as <c>CREATE INDEX CONCURRENTLY</c>) when <paramref name="statement"/> cannot run
    /// inside a transaction block on a server of <paramref name="serverMajorVersion"/>, or null when it can.
    /// </summary>
    public static string? Find(SqlStatement statement, int serverMajorVersion)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return Find(statement.Text, serverMajorVersion);
    }

    /// <summary>Returns the command when the SQL statement cannot run inside a transaction block, or null.</summary>
    public static string? Find(string sql, int serverMajorVersion)
    {
        ArgumentNullException.ThrowIfNull(sql);
        Span<SqlToken> tokens = stackalloc SqlToken[Window];
        var count = Read(sql, tokens);
        var words = new Words(sql, tokens[..count]);
        return words.Is(0, "CREATE") ? Create(words)
            : words.Is(0, "DROP") ? Drop(words)
            : words.Is(0, "ALTER") ? Alter(words, serverMajorVersion)
            : words.Is(0, "REINDEX") ? Reindex(words)
            : words.Is(0, "VACUUM") ? "VACUUM"
            : null;
    }

    private static int Read(string sql, Span<SqlToken> tokens)
    {
        var tokenizer = new SqlTokenizer(sql);
        var count = 0;
        while (count < tokens.Length && tokenizer.Next(out var token) && !token.IsUnterminated)
        {
            tokens[count++] = token;
        }

        return count;
    }

    private static string? Create(Words words)
    {
        var index = words.Is(1, "UNIQUE") ? 2 : 1;
        return words.Is(index, "INDEX") && words.Is(index + 1, "CONCURRENTLY") ? "CREATE INDEX CONCURRENTLY"
            : words.Is(1, "DATABASE") ? "CREATE DATABASE"
            : words.Is(1, "TABLESPACE") ? "CREATE TABLESPACE"
            : null;
    }

    private static string? Drop(Words words) =>
        words.Is(1, "INDEX") && words.Is(2, "CONCURRENTLY") ? "DROP INDEX CONCURRENTLY"
        : words.Is(1, "DATABASE") ? "DROP DATABASE"
        : words.Is(1, "TABLESPACE") ? "DROP TABLESPACE"
        : null;

    private static string? Alter(Words words, int serverMajorVersion)
    {
        if (words.Is(1, "SYSTEM"))
        {
            return "ALTER SYSTEM";
        }

        if (words.Is(1, "TYPE") && serverMajorVersion < 12)
        {
            var afterName = words.SkipQualifiedName(2);
            return words.Is(afterName, "ADD") && words.Is(afterName + 1, "VALUE") ? "ALTER TYPE ... ADD VALUE" : null;
        }

        var detach = words.IndexOf("DETACH", 2);
        return words.Is(1, "TABLE") && detach > 0 && words.Is(detach + 1, "PARTITION") && words.IndexOf("CONCURRENTLY", detach) > 0
            ? "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY"
            : null;
    }

    private static string? Reindex(Words words)
    {
        if (words.IndexOf("CONCURRENTLY", 1) > 0)
        {
            return "REINDEX CONCURRENTLY";
        }

        var kind = words.SkipParenthesized(1);
        return words.Is(kind, "DATABASE") ? "REINDEX DATABASE" : words.Is(kind, "SYSTEM") ? "REINDEX SYSTEM" : null;
    }

    private readonly ref struct Words(string sql, ReadOnlySpan<SqlToken> tokens)
    {
        private readonly ReadOnlySpan<SqlToken> _tokens = tokens;

        public bool Is(int index, string keyword) =>
            index < _tokens.Length && SqlKeywords.IsWord(sql, _tokens[index], keyword);

        public int IndexOf(string keyword, int from)
        {
            for (var index = from; index < _tokens.Length; index++)
            {
                if (Is(index, keyword))
                {
                    return index;
                }
            }

            return -1;
        }

        // Skips `name`, `schema.name` or their quoted forms and returns the index after them.
        public int SkipQualifiedName(int index)
        {
            index++;
            while (index + 1 < _tokens.Length && IsSymbol(index, '.'))
            {
                index += 2;
            }

            return index;
        }

        // Skips a `( ... )` option list if one starts at index and returns the index after it.
        public int SkipParenthesized(int index)
        {
            if (!IsSymbol(index, '('))
            {
                return index;
            }

            while (index < _tokens.Length && !IsSymbol(index, ')'))
            {
                index++;
            }

            return index + 1;
        }

        private bool IsSymbol(int index, char symbol) =>
            index < _tokens.Length && _tokens[index].Kind == SqlTokenKind.Symbol && sql[_tokens[index].Start] == symbol;
    }
}
