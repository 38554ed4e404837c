namespace Strata.Core.Sql;

/// <summary>Cheap checks of a statement's leading keywords that ignore comments, whitespace and letter case.</summary>
internal static class SqlKeywords
{
    /// <summary>
    /// Whether the statement's first words are <paramref name="keywords"/>, in order: for example
    /// <c>StartsWith(statement, "CREATE", "INDEX", "CONCURRENTLY")</c>. Quoted identifiers never match.
    /// </summary>
    public static bool StartsWith(SqlStatement statement, params ReadOnlySpan<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return StartsWith(statement.Text, keywords);
    }

    /// <summary>Whether the SQL text's first words are <paramref name="keywords"/>, in order.</summary>
    public static bool StartsWith(string sql, params ReadOnlySpan<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokenizer = new SqlTokenizer(sql);
        foreach (var keyword in keywords)
        {
            if (!tokenizer.Next(out var token) || !IsWord(sql, token, keyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="token"/> is the unquoted word <paramref name="keyword"/>, ignoring case.</summary>
    internal static bool IsWord(string sql, SqlToken token, string keyword) =>
        token.Kind == SqlTokenKind.Word &&
        sql.AsSpan(token.Start, token.End - token.Start).Equals(keyword, StringComparison.OrdinalIgnoreCase);
}
