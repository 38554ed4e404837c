using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>
/// Keeps a file run in one transaction (<see cref="ScriptExecutor"/>) from ending that transaction itself. A
/// <c>COMMIT</c> in the middle of a seed or schema file would make what came before it permanent, so a later failure
/// could no longer roll the whole file back. A file wrapped in <c>BEGIN; … COMMIT;</c> means what Strata does anyway:
/// the wrapper is left out. Any other statement that starts, ends or prepares a transaction is refused before
/// anything runs. Savepoints stay allowed: they live inside the transaction.
/// </summary>
internal static class TransactionControl
{
    // Which statements control the transaction does not depend on the server's version.
    private const int AnyServer = int.MaxValue;

    /// <summary>The statements of <paramref name="script"/> to run, without a <c>BEGIN</c> … <c>COMMIT</c> wrapper.</summary>
    /// <param name="script">The file's statements.</param>
    /// <param name="file">The file, as named in the error.</param>
    /// <param name="kind">What the file is, for the error: <c>seed</c>, <c>schema file</c>.</param>
    /// <exception cref="SqlSyntaxException">A statement other than the wrapper starts, ends or prepares a transaction.</exception>
    public static IReadOnlyList<SqlStatement> StatementsToRun(SqlScript script, string file, string kind)
    {
        var statements = script.Statements.ToList();
        if (statements.Count >= 2 && Command(statements[0]) is "BEGIN" or "START" && Command(statements[^1]) is "COMMIT" or "END")
        {
            statements = statements[1..^1];
        }

        foreach (var statement in statements)
        {
            if (Command(statement) is { } command)
            {
                throw new SqlSyntaxException(
                    $"{file}:{statement.Line}:{statement.Column}: {command} is not allowed in a {kind}: Strata runs the whole file in one transaction, so it can roll all of it back when a statement fails; remove the statement (a BEGIN as the first statement with a COMMIT as the last is allowed)",
                    file,
                    statement.Line,
                    statement.Column);
            }
        }

        return statements;
    }

    // The transaction-control command a statement starts with (BEGIN, START, COMMIT, END, ROLLBACK, ABORT, PREPARE
    // TRANSACTION), read with the tokenizer migrations use; null for any other statement, ROLLBACK TO SAVEPOINT included.
    private static string? Command(SqlStatement statement) =>
        StatementClassifier.Classify(statement.Text, AnyServer) is { Kind: StatementKind.TransactionControl } control ? control.Command : null;
}
