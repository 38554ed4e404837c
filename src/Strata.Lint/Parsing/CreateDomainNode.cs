namespace Strata.Lint.Parsing;

/// <summary><c>CREATE DOMAIN name AS type [DEFAULT ...] [NOT NULL] [CHECK (...)]</c>.</summary>
/// <param name="Name">The domain's name, without its schema.</param>
/// <param name="BaseType">The type it is based on, which may itself be a domain.</param>
/// <param name="Constraints">Its DEFAULT, NOT NULL, NULL and CHECK clauses.</param>
internal sealed record CreateDomainNode(string Name, TypeReference BaseType, IReadOnlyList<ConstraintNode> Constraints) : StatementNode;
