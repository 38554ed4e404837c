namespace Strata.Lint.Parsing;

/// <summary>A transaction-control statement.</summary>
/// <param name="Kind">The parser's kind without its prefix: BEGIN, START, COMMIT, ROLLBACK, SAVEPOINT, ...</param>
internal sealed record TransactionNode(string Kind) : StatementNode
{
    /// <summary>True for BEGIN and START TRANSACTION.</summary>
    public bool Starts => Kind is "BEGIN" or "START";

    /// <summary>True for COMMIT, ROLLBACK, and their prepared forms.</summary>
    public bool Ends => Kind is "COMMIT" or "ROLLBACK" or "PREPARE" or "COMMIT_PREPARED" or "ROLLBACK_PREPARED";
}
