using System.Text.Json;

namespace Strata.Lint.Parsing;

/// <summary>
/// Small readers over libpg_query's JSON, which omits every field at its default value (false, 0, empty list), so
/// a missing field means the default.
/// </summary>
internal static class JsonTree
{
    public static string? Text(this JsonElement node, ReadOnlySpan<byte> field) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool Flag(this JsonElement node, ReadOnlySpan<byte> field) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.True;

    public static int Number(this JsonElement node, ReadOnlySpan<byte> field, int missing = 0) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : missing;

    public static JsonElement Field(this JsonElement node, ReadOnlySpan<byte> field) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(field, out var value) ? value : default;

    public static bool Has(this JsonElement node, ReadOnlySpan<byte> field) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(field, out _);

    public static IEnumerable<JsonElement> Items(this JsonElement node, ReadOnlySpan<byte> field) =>
        node.Field(field) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>The body of a wrapped node (<c>{"ColumnDef": {...}}</c>) when it is of <paramref name="kind"/>.</summary>
    public static bool Is(this JsonElement node, ReadOnlySpan<byte> kind, out JsonElement body)
    {
        body = node.Field(kind);
        return body.ValueKind == JsonValueKind.Object;
    }

    /// <summary>The strings of a name list (<c>[{"String":{"sval":"pg_catalog"}}, ...]</c>).</summary>
    public static List<string> Names(this JsonElement list)
    {
        var names = new List<string>();
        if (list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.Field("String"u8).Text("sval"u8) is { } name)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    public static RelationName Relation(this JsonElement rangeVar) =>
        new(rangeVar.Text("schemaname"u8), rangeVar.Text("relname"u8) ?? "");

    public static RelationName NameList(List<string> parts) =>
        parts.Count switch
        {
            0 => new RelationName(null, ""),
            1 => new RelationName(null, parts[0]),
            _ => new RelationName(parts[^2], parts[^1]),
        };
}
