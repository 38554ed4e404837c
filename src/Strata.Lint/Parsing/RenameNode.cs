namespace Strata.Lint.Parsing;

/// <summary><c>ALTER ... RENAME</c>.</summary>
/// <param name="ObjectType">What is renamed, without the parser's prefix: TABLE, COLUMN, INDEX, VIEW, TABCONSTRAINT, ...</param>
/// <param name="Table">The table (or other relation) the rename applies to, when there is one.</param>
/// <param name="OldName">The column or constraint renamed, for a sub-object rename.</param>
/// <param name="NewName">The new name.</param>
internal sealed record RenameNode(string ObjectType, RelationName? Table, string? OldName, string NewName) : StatementNode;
