namespace Strata.Lint.Parsing;

/// <summary><c>CREATE [UNIQUE] INDEX [CONCURRENTLY]</c>.</summary>
internal sealed record CreateIndexNode(RelationName Table, string? Name, bool Unique, bool Concurrent) : StatementNode;
