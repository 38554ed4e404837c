namespace Strata.Core.Execution;

/// <summary>What Strata needs to know about one statement before running it.</summary>
/// <param name="Kind">Whether it may run inside a migration's transaction.</param>
/// <param name="Command">A short name of the command, such as <c>CREATE INDEX CONCURRENTLY</c>, for messages.</param>
/// <param name="ConcurrentIndex">For <c>CREATE INDEX CONCURRENTLY</c>: the index it builds, when the statement names it.</param>
internal sealed record StatementClass(StatementKind Kind, string Command, IndexName? ConcurrentIndex = null)
{
    public static StatementClass Ordinary { get; } = new(StatementKind.Ordinary, string.Empty);
}

/// <summary>How a statement relates to transactions.</summary>
internal enum StatementKind
{
    /// <summary>Runs inside or outside a transaction.</summary>
    Ordinary,

    /// <summary>PostgreSQL refuses to run it inside a transaction block.</summary>
    NoTransaction,

    /// <summary>Begins or ends a transaction, which would break the migration's own transaction.</summary>
    TransactionControl,
}

/// <summary>
/// An index a statement creates, with its table and the table's schema when the statement qualifies it: PostgreSQL
/// creates an index in its table's schema.
/// </summary>
internal sealed record IndexName(string? Schema, string Name, string Table);
