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
        Walk(expression, functions, ref sqlValue, ref subquery, depth: 0);
        return new ExpressionSummary(functions, sqlValue, subquery, NotNullColumn(expression));
    }

    private static void Walk(JsonElement node, List<string> functions, ref bool sqlValue, ref bool subquery, int depth)
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

                    Walk(property.Value, functions, ref sqlValue, ref subquery, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item, functions, ref sqlValue, ref subquery, depth + 1);
                }

                break;
        }
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

    /// <summary>Every string literal under <paramref name="node"/>, in the order they appear.</summary>
    public static List<string> StringLiterals(JsonElement node)
    {
        var literals = new List<string>();
        CollectLiterals(node, literals, depth: 0);
        return literals;
    }

    private static void CollectLiterals(JsonElement node, List<string> literals, int depth)
    {
        if (depth > 200)
        {
            return;
        }

        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                if (property.NameEquals("A_Const"u8) && property.Value.Field("sval"u8).Text("sval"u8) is { } literal)
                {
                    literals.Add(literal);
                }

                CollectLiterals(property.Value, literals, depth + 1);
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                CollectLiterals(item, literals, depth + 1);
            }
        }
    }
}
