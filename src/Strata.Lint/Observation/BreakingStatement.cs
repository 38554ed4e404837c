using Strata.Lint.Parsing;

namespace Strata.Lint.Observation;

/// <summary>
/// Which statement of a migration made a schema break, read from the parse tree: the <c>ALTER TABLE</c> that drops,
/// renames or retypes that column of that table, or the <c>DROP</c> or rename of that object. Text that merely
/// mentions the names (an <c>UPDATE</c> of the column, a <c>DROP INDEX</c> named after it) does not count.
/// </summary>
internal static class BreakingStatement
{
    /// <summary>The index of the first statement that made <paramref name="found"/>, or -1 when none reads as its cause.</summary>
    /// <param name="found">The break.</param>
    /// <param name="parts">Its name's parts: schema, object, and the column for a column.</param>
    /// <param name="statements">The migration's statements, parsed.</param>
    public static int Find(SchemaBreak found, IReadOnlyList<string> parts, IReadOnlyList<ParsedStatement> statements)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            var makes = found.Kind == "column"
                ? parts.Count == 3 && MakesColumnBreak(statements[i].Node, new RelationName(parts[0], parts[1]), parts[2])
                : parts.Count == 2 && MakesObjectBreak(statements[i].Node, new RelationName(parts[0], parts[1]));
            if (makes)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool MakesColumnBreak(StatementNode node, RelationName table, string column) => node switch
    {
        AlterTableNode alter => Same(alter.Table, table)
            && alter.Commands.Any(c => c.Action is "DropColumn" or "AlterColumnType" && c.Name == column),
        RenameNode { ObjectType: "COLUMN", Table: { } renamed } rename => Same(renamed, table) && rename.OldName == column,
        _ => MakesObjectBreak(node, table),
    };

    private static bool MakesObjectBreak(StatementNode node, RelationName name) => node switch
    {
        DropNode drop => drop.Objects.Any(o => Same(o, name)),
        RenameNode { OldName: null, Table: { } renamed } => Same(renamed, name),
        _ => false,
    };

    // A name written without a schema is taken to be the object of that name, whichever schema the search path found.
    private static bool Same(RelationName written, RelationName actual) =>
        written.Name == actual.Name && (written.Schema is null || written.Schema == actual.Schema);
}
