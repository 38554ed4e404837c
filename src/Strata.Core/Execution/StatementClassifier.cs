namespace Strata.Core.Execution;

/// <summary>
/// Finds statements that cannot run inside a migration's transaction (they must go in a <c>transaction:false</c>
/// section) and statements that would end the migration's transaction early.
/// </summary>
internal static class StatementClassifier
{
    public static StatementClass Classify(string statement)
    {
        var t = SqlTokenReader.Read(statement);
        if (t.Count == 0)
        {
            return StatementClass.Ordinary;
        }

        return Word(t, 0) switch
        {
            "create" => ClassifyCreate(t),
            "drop" when Word(t, 1) == "index" && Word(t, 2) == "concurrently" => NoTx("DROP INDEX CONCURRENTLY"),
            "drop" when Word(t, 1) is "database" or "tablespace" => NoTx("DROP " + Word(t, 1)!.ToUpperInvariant()),
            "reindex" => ClassifyReindex(t),
            "vacuum" => NoTx("VACUUM"),
            "alter" when Word(t, 1) == "system" => NoTx("ALTER SYSTEM"),
            "alter" when Word(t, 1) == "table" && HasWord(t, "detach") && HasWord(t, "concurrently") => NoTx("DETACH PARTITION CONCURRENTLY"),
            "begin" or "start" or "commit" or "end" or "abort" => Control(Word(t, 0)!),
            "rollback" when Word(t, 1) is null or "work" or "transaction" or "and" => Control("rollback"),
            "prepare" when Word(t, 1) == "transaction" => Control("prepare transaction"),
            _ => StatementClass.Ordinary,
        };
    }

    private static StatementClass ClassifyCreate(IReadOnlyList<SqlToken> t)
    {
        var i = Word(t, 1) == "unique" ? 2 : 1;
        if (Word(t, i) == "index" && Word(t, i + 1) == "concurrently")
        {
            return new StatementClass(StatementKind.NoTransaction, "CREATE INDEX CONCURRENTLY", IndexNameOf(t, i + 2));
        }

        return Word(t, 1) is "database" or "tablespace" ? NoTx("CREATE " + Word(t, 1)!.ToUpperInvariant()) : StatementClass.Ordinary;
    }

    // REINDEX [ ( options ) ] { INDEX | TABLE | SCHEMA | DATABASE | SYSTEM } [ CONCURRENTLY ] name
    private static StatementClass ClassifyReindex(IReadOnlyList<SqlToken> t)
    {
        var i = 1;
        if (i < t.Count && t[i] is { Kind: SqlTokenKind.Symbol, Text: "(" })
        {
            while (i < t.Count && t[i] is not { Kind: SqlTokenKind.Symbol, Text: ")" })
            {
                i++;
            }

            i++;
        }

        var target = Word(t, i);
        if (Word(t, i + 1) == "concurrently")
        {
            return NoTx("REINDEX CONCURRENTLY");
        }

        return target is "schema" or "database" or "system" ? NoTx("REINDEX " + target.ToUpperInvariant()) : StatementClass.Ordinary;
    }

    // CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON [ONLY] [schema.]table ...
    private static IndexName? IndexNameOf(IReadOnlyList<SqlToken> t, int i)
    {
        if (Word(t, i) == "if" && Word(t, i + 1) == "not" && Word(t, i + 2) == "exists")
        {
            i += 3;
        }

        if (i >= t.Count || !t[i].IsName || t[i].IsWord("on"))
        {
            return null;
        }

        var name = t[i].Text;
        var on = i + 1;
        if (Word(t, on) != "on")
        {
            return null;
        }

        var table = Word(t, on + 1) == "only" ? on + 2 : on + 1;
        var qualified = table + 2 < t.Count && t[table].IsName && t[table + 1] is { Kind: SqlTokenKind.Symbol, Text: "." };
        return new IndexName(qualified ? t[table].Text : null, name);
    }

    private static string? Word(IReadOnlyList<SqlToken> t, int i) => i < t.Count && t[i].Kind == SqlTokenKind.Word ? t[i].Text : null;

    private static bool HasWord(IReadOnlyList<SqlToken> t, string word) => t.Any(token => token.IsWord(word));

    private static StatementClass NoTx(string command) => new(StatementKind.NoTransaction, command);

    private static StatementClass Control(string command) => new(StatementKind.TransactionControl, command.ToUpperInvariant());
}
