using System.Text.Json;

namespace Strata.Lint.Parsing;

/// <summary>Summarises an expression subtree: the functions it calls and the shapes rules care about.</summary>
internal static class ExpressionReader
{
    public static ExpressionSummary Read(JsonElement expression)
    {
        if (expression.ValueKind != JsonValueKind.Object)
        {
            return ExpressionSummary.None;
        }

        var functions = new List<string>();
        var sqlValue = false;
        var subquery = false;
        Walk(expression, functions, literals: null, ref sqlValue, ref subquery, depth: 0);
        return new ExpressionSummary(functions, sqlValue, subquery, NotNullColumns(expression, [])) { IsNullConstant = IsNullConstant(expression) };
    }

    /// <summary>
    /// The functions a whole statement calls (as <see cref="ExpressionSummary.Functions"/>) and its string literals,
    /// each in the order they appear, read in one walk of its tree.
    /// </summary>
    public static (List<string> Functions, List<string> Literals) ReadStatement(JsonElement statement)
    {
        var functions = new List<string>();
        var literals = new List<string>();
        var sqlValue = false;
        var subquery = false;
        Walk(statement, functions, literals, ref sqlValue, ref subquery, depth: 0);
        return (functions, literals);
    }

    // Collects string literals too when literals is given.
    private static void Walk(JsonElement node, List<string> functions, List<string>? literals, ref bool sqlValue, ref bool subquery, int depth)
    {
        // The parser nests no deeper than its own stack allows; the bound only guards against a malformed document.
        if (depth > 200)
        {
            return;
        }

        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    // Compared as UTF-8: reading each name as a string would allocate one per node of the tree.
                    if (property.NameEquals("FuncCall"u8))
                    {
                        var names = property.Value.Field("funcname"u8).Names();
                        if (names.Count > 0)
                        {
                            functions.Add(names[^1].ToLowerInvariant());
                        }
                    }
                    else if (property.NameEquals("SQLValueFunction"u8))
                    {
                        sqlValue = true;
                    }
                    else if (property.NameEquals("SubLink"u8))
                    {
                        subquery = true;
                    }

                    if (literals is not null && property.NameEquals("A_Const"u8) && property.Value.Field("sval"u8).Text("sval"u8) is { } literal)
                    {
                        literals.Add(literal);
                    }

                    Walk(property.Value, functions, literals, ref sqlValue, ref subquery, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item, functions, literals, ref sqlValue, ref subquery, depth + 1);
                }

                break;
        }
    }

    private static bool IsNullConstant(JsonElement expression)
    {
        while (expression.Is("TypeCast"u8, out var cast))
        {
            expression = cast.Field("arg"u8);
        }

        return expression.Is("A_Const"u8, out var constant) && constant.Flag("isnull"u8);
    }

    // A CHECK that holds holds for each term of its AND: PostgreSQL proves c IS NOT NULL from any such term.
    private static List<string> NotNullColumns(JsonElement expression, List<string> columns)
    {
        if (expression.Is("BoolExpr"u8, out var boolean) && boolean.Text("boolop"u8) == "AND_EXPR")
        {
            foreach (var term in boolean.Items("args"u8))
            {
                NotNullColumns(term, columns);
            }
        }
        else if (NotNullColumn(expression) is { } column)
        {
            columns.Add(column);
        }

        return columns;
    }

    private static string? NotNullColumn(JsonElement expression)
    {
        if (!expression.Is("NullTest"u8, out var test) || test.Text("nulltesttype"u8) != "IS_NOT_NULL")
        {
            return null;
        }

        var fields = test.Field("arg"u8).Field("ColumnRef"u8).Field("fields"u8).Names();
        return fields.Count == 1 ? fields[0] : null;
    }
}
