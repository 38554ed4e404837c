namespace Strata.Lint.Parsing;

/// <summary><c>UPDATE</c> or <c>DELETE</c>, as a statement or as a query of a statement's <c>WITH</c> clause.</summary>
/// <param name="Command">UPDATE or DELETE.</param>
/// <param name="Table">The target table.</param>
/// <param name="HasWhere">True when a WHERE clause limits the rows.</param>
/// <param name="Query">The name of the WITH query it is, or null for a statement of its own.</param>
/// <param name="Location">The 0-based UTF-8 byte offset of the WITH query in the statement, or -1.</param>
internal sealed record DataChangeNode(string Command, RelationName Table, bool HasWhere, string? Query = null, int Location = -1) : StatementNode;
