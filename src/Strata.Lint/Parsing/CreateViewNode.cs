namespace Strata.Lint.Parsing;

/// <summary><c>CREATE [OR REPLACE] VIEW</c>.</summary>
/// <param name="View">The view's name as written.</param>
internal sealed record CreateViewNode(RelationName View) : StatementNode;
