namespace Strata.Lint.Parsing;

/// <summary><c>CREATE TABLE</c>, including <c>CREATE TABLE ... PARTITION OF</c>, and a table made from a query.</summary>
/// <param name="Table">The new table.</param>
/// <param name="Columns">Its column definitions.</param>
/// <param name="Constraints">Its table-level constraints.</param>
/// <param name="IsPartition">True for <c>PARTITION OF</c>, whose key comes from the parent.</param>
/// <param name="IsTemporary">True for a temporary table, which no other session sees.</param>
/// <param name="IsFromQuery">True for <c>CREATE TABLE AS</c>, <c>SELECT ... INTO</c> and <c>CREATE MATERIALIZED VIEW</c>.</param>
/// <param name="IfNotExists">True for <c>IF NOT EXISTS</c>: when the table already exists the statement does nothing.</param>
internal sealed record CreateTableNode(
    RelationName Table,
    IReadOnlyList<ColumnNode> Columns,
    IReadOnlyList<ConstraintNode> Constraints,
    bool IsPartition,
    bool IsTemporary,
    bool IsFromQuery = false,
    bool IfNotExists = false) : StatementNode;
