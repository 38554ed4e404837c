namespace Strata.Lint.Parsing;

/// <summary><c>REINDEX [CONCURRENTLY]</c>.</summary>
internal sealed record ReindexNode(bool Concurrent) : StatementNode;
