using System.Text.RegularExpressions;
using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>
/// Keeps a file run in one transaction (<see cref="ScriptExecutor"/>) from ending that transaction itself. A
/// <c>COMMIT</c> in the middle of a seed or schema file would make what came before it permanent, so a later failure
/// could no longer roll the whole file back. A file wrapped in <c>BEGIN; … COMMIT;</c> means what Strata does anyway:
/// the wrapper is left out. Any other statement that starts, ends or prepares a transaction is refused before
/// anything runs. Savepoints stay allowed: they live inside the transaction.
/// </summary>
internal static partial class TransactionControl
{
    /// <summary>The statements of <paramref name="script"/> to run, without a <c>BEGIN</c> … <c>COMMIT</c> wrapper.</summary>
    /// <param name="script">The file's statements.</param>
    /// <param name="file">The file, as named in the error.</param>
    /// <param name="kind">What the file is, for the error: <c>seed</c>, <c>schema file</c>.</param>
    /// <exception cref="SqlSyntaxException">A statement other than the wrapper starts, ends or prepares a transaction.</exception>
    public static IReadOnlyList<SqlStatement> StatementsToRun(SqlScript script, string file, string kind)
    {
        var statements = script.Statements.ToList();
        if (statements.Count >= 2 && Opens(statements[0]) && Closes(statements[^1]))
        {
            statements = statements[1..^1];
        }

        var control = statements.FirstOrDefault(s => Opens(s) || Closes(s) || Ends(s));
        if (control is not null)
        {
            throw new SqlSyntaxException(
                $"{file}:{control.Line}:{control.Column}: {FirstWords(control)} is not allowed in a {kind}: Strata runs the whole file in one transaction, so it can roll all of it back when a statement fails; remove the statement (a BEGIN as the first statement with a COMMIT as the last is allowed)",
                file,
                control.Line,
                control.Column);
        }

        return statements;
    }

    private static bool Opens(SqlStatement statement) => OpensPattern().IsMatch(statement.Text);

    private static bool Closes(SqlStatement statement) => ClosesPattern().IsMatch(statement.Text);

    // ROLLBACK and ABORT end the transaction like COMMIT does; ROLLBACK TO SAVEPOINT does not.
    private static bool Ends(SqlStatement statement) => EndsPattern().IsMatch(statement.Text) && !ToSavepointPattern().IsMatch(statement.Text);

    private static string FirstWords(SqlStatement statement) =>
        WordsPattern().Match(statement.Text) is { Success: true } match ? match.Groups[1].Value.ToUpperInvariant() : "the statement";

    private const string Lead = @"\A(?:\s+|--[^\n]*(?:\n|\z)|/\*(?s:.*?)\*/)*";

    [GeneratedRegex(Lead + @"(?:BEGIN|START\s+TRANSACTION)\b(?!\s+ATOMIC)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpensPattern();

    [GeneratedRegex(Lead + @"(?:COMMIT|END)\b(?!\s+PREPARED)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClosesPattern();

    [GeneratedRegex(Lead + @"(?:ROLLBACK|ABORT|PREPARE\s+TRANSACTION|COMMIT\s+PREPARED)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsPattern();

    [GeneratedRegex(Lead + @"ROLLBACK(?:\s+(?:WORK|TRANSACTION))?\s+TO\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToSavepointPattern();

    [GeneratedRegex(Lead + @"([A-Za-z]+(?:\s+(?:TRANSACTION|PREPARED))?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordsPattern();
}
