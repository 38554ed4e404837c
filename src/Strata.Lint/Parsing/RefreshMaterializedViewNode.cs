namespace Strata.Lint.Parsing;

/// <summary><c>REFRESH MATERIALIZED VIEW [CONCURRENTLY]</c>.</summary>
internal sealed record RefreshMaterializedViewNode(RelationName View, bool Concurrent) : StatementNode;
