namespace Strata.Lint.Parsing;

/// <summary>One action of an <c>ALTER TABLE</c>.</summary>
/// <param name="Action">The parser's subtype without its <c>AT_</c> prefix: AddColumn, AlterColumnType, SetNotNull, AddConstraint, ValidateConstraint, AttachPartition, DropColumn, ...</param>
/// <param name="Name">The column or constraint it names, when it names one.</param>
/// <param name="Column">The column definition for AddColumn, or the new type for AlterColumnType.</param>
/// <param name="Constraint">The constraint for AddConstraint.</param>
/// <param name="HasUsing">True for a type change with a <c>USING</c> expression other than the column itself.</param>
/// <param name="Partition">The partition for AttachPartition or DetachPartition.</param>
/// <param name="Concurrent">True for <c>DETACH PARTITION ... CONCURRENTLY</c>.</param>
/// <param name="Location">
/// The best 0-based UTF-8 byte offset for the action in the statement: its definition's (a column, a constraint, a
/// partition) when it has one, else the action's start; -1 when neither is known.
/// </param>
internal sealed record AlterTableCommand(
    string Action,
    string? Name,
    ColumnNode? Column,
    ConstraintNode? Constraint,
    bool HasUsing,
    RelationName? Partition,
    bool Concurrent,
    int Location);
