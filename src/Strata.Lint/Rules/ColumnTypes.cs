using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>Type facts several rules share, by the parser's canonical type names.</summary>
internal static class ColumnTypes
{
    public static bool IsSmallInteger(TypeReference type) =>
        type.Name is "int4" or "int2" or "integer" or "smallint" or "serial" or "serial4" or "smallserial" or "serial2";

    /// <summary>
    /// True when <paramref name="column"/> gets no default, neither its own nor one from its domain (a domain an
    /// earlier statement of the run created; of any other, the linter knows nothing), or gets <c>DEFAULT NULL</c>
    /// (its own overrides the domain's): existing rows get null.
    /// </summary>
    public static bool HasNoDefault(ColumnNode column, KnownDomain? domain) =>
        (column.Constraint("DEFAULT") ?? domain?.Default) is not { Expression.IsNullConstant: false };

    /// <summary>The columns a statement defines, with whether each is part of the table's primary key.</summary>
    public static IEnumerable<(ColumnNode Column, bool IsPrimaryKey)> Defined(StatementNode node)
    {
        switch (node)
        {
            case CreateTableNode create:
                var keys = create.Constraints.Where(c => c.Kind == "PRIMARY").SelectMany(c => c.Columns).ToHashSet(StringComparer.Ordinal);
                foreach (var column in create.Columns)
                {
                    yield return (column, keys.Contains(column.Name) || column.Constraint("PRIMARY") is not null);
                }

                break;
            case AlterTableNode alter:
                foreach (var command in alter.Commands)
                {
                    if (command is { Action: "AddColumn", Column: { } column })
                    {
                        yield return (column, column.Constraint("PRIMARY") is not null);
                    }
                }

                break;
        }
    }
}
