namespace Strata.Lint.Parsing;

/// <summary><c>ALTER TABLE</c> (also reached through <c>ALTER INDEX</c> and <c>ALTER MATERIALIZED VIEW</c>).</summary>
/// <param name="Table">The table altered.</param>
/// <param name="ObjectType">The parser's object type without its prefix: TABLE, INDEX, MATVIEW, ...</param>
/// <param name="Commands">The actions, in order.</param>
internal sealed record AlterTableNode(RelationName Table, string ObjectType, IReadOnlyList<AlterTableCommand> Commands) : StatementNode;
