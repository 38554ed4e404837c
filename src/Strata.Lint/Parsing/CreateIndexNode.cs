namespace Strata.Lint.Parsing;

/// <summary><c>CREATE [UNIQUE] INDEX [CONCURRENTLY] ... ON [ONLY] table</c>.</summary>
/// <param name="Table">The table indexed.</param>
/// <param name="Name">The index's name, when given.</param>
/// <param name="Unique">True for a unique index.</param>
/// <param name="Concurrent">True for CONCURRENTLY.</param>
/// <param name="Only">True for <c>ON ONLY</c>: on a partitioned table, an index on the parent alone, built later per partition.</param>
internal sealed record CreateIndexNode(RelationName Table, string? Name, bool Unique, bool Concurrent, bool Only = false) : StatementNode;
