namespace Strata.Lint.Parsing;

/// <summary><c>ALTER TYPE ... ADD VALUE</c>.</summary>
internal sealed record AddEnumValueNode(RelationName Type, string Value) : StatementNode;
