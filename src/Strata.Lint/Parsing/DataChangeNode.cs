namespace Strata.Lint.Parsing;

/// <summary><c>UPDATE</c> or <c>DELETE</c>.</summary>
/// <param name="Command">UPDATE or DELETE.</param>
/// <param name="Table">The target table.</param>
/// <param name="HasWhere">True when a WHERE clause limits the rows.</param>
internal sealed record DataChangeNode(string Command, RelationName Table, bool HasWhere) : StatementNode;
