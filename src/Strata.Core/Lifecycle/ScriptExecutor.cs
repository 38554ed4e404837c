using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>
/// Runs a split SQL file (a seed or a schema file) in one transaction, sent as one batch. When the server rejects a
/// statement, everything the file did is rolled back and the error names the file, line and column.
/// </summary>
internal static class ScriptExecutor
{
    /// <param name="connection">An open connection outside any transaction.</param>
    /// <param name="script">The file's statements.</param>
    /// <param name="file">The file, as named in the error.</param>
    /// <param name="kind">What the file is, for the error: <c>seed</c>, <c>schema file</c>.</param>
    /// <param name="consequence">What the error adds about the state left behind.</param>
    /// <param name="cancellationToken">Cancels the running statement; the transaction is then rolled back.</param>
    /// <exception cref="SqlSyntaxException">The file ends or starts a transaction itself (<see cref="TransactionControl"/>).</exception>
    /// <exception cref="ConnectionFailedException">The connection was lost while the file ran.</exception>
    public static async Task RunAsync(
        NpgsqlConnection connection, SqlScript script, string file, string kind, string consequence, CancellationToken cancellationToken)
    {
        var statements = TransactionControl.StatementsToRun(script, file, kind);
        if (statements.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction) { Timeout = 0 };
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement.Text));
        }

        var committing = false;
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            committing = true;
            await transaction.CommitAsync(cancellationToken);
        }
        catch (NpgsqlException ex) when (ConnectionErrors.IsConnectionLoss(ex))
        {
            // As a lost connection during a migration: exit 3, and what became of the file's transaction.
            var state = committing
                ? "the connection broke during its COMMIT, so whether it was committed is not known: look at the database before running it again"
                : consequence;
            throw new ConnectionFailedException($"Lost the connection to the database while running {kind} {file} ({ServerErrorText.Describe(ex)}); {state}", ex);
        }
        catch (PostgresException ex)
        {
            await RollbackAsync(transaction);
            var failed = FailedStatement(batch, statements);
            // A failure without a statement happened at COMMIT (a deferred constraint): point at the last statement.
            var (line, column) = failed?.LocationOf(ex.Position) ?? (statements[^1].Line, statements[^1].Column);
            throw new ScriptFailedException(
                $"{kind} {file} failed at {file}:{line}:{column}: {ServerErrorText.Describe(ex)}; {consequence}",
                file,
                line,
                column,
                ex.SqlState,
                failed?.Text ?? "COMMIT",
                ServerErrorText.SafeInner(ex));
        }
    }

    // Npgsql fills in the statement type of each command as it completes; the first one left unknown is the one that failed.
    private static SqlStatement? FailedStatement(NpgsqlBatch batch, IReadOnlyList<SqlStatement> statements)
    {
        for (var i = 0; i < batch.BatchCommands.Count; i++)
        {
            if (batch.BatchCommands[i].StatementType == StatementType.Unknown)
            {
                return statements[i];
            }
        }

        return null;
    }

    private static async Task RollbackAsync(NpgsqlTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is gone; the server rolls the transaction back when the session ends.
        }
        catch (InvalidOperationException)
        {
            // Npgsql already ended the transaction.
        }
    }
}
