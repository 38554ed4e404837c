namespace Strata.Lint.Parsing;

/// <summary>A statement of a kind no rule inspects.</summary>
/// <param name="Kind">The parser's node name, such as <c>InsertStmt</c>.</param>
internal sealed record OtherNode(string Kind) : StatementNode;
