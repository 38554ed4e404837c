namespace Strata.Lint.Parsing;

/// <summary><c>DROP TABLE</c>, <c>DROP INDEX</c>, <c>DROP TYPE</c> and every other <c>DROP</c> of named objects.</summary>
/// <param name="ObjectType">The parser's object type without its prefix: TABLE, INDEX, VIEW, TYPE, ...</param>
/// <param name="Objects">The objects dropped.</param>
/// <param name="Concurrent">True for <c>DROP INDEX CONCURRENTLY</c>.</param>
internal sealed record DropNode(string ObjectType, IReadOnlyList<RelationName> Objects, bool Concurrent) : StatementNode;
