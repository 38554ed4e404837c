using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Cli.Tests.Support;

/// <summary>
/// Checks JSON against the part of JSON Schema (2020-12) that docs/schemas uses: type, const, enum, required,
/// properties, additionalProperties: false, items, minimum, allOf, if/then and local $ref. A keyword outside that part
/// fails the check, so the schema cannot quietly use something this does not enforce.
/// </summary>
public sealed class JsonSchemaSubset(JsonObject root)
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "$schema", "$defs", "title", "description", "type", "const", "enum", "required", "properties",
        "additionalProperties", "items", "minimum", "allOf", "if", "then", "$ref",
    };

    public static JsonSchemaSubset Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    /// <summary>The problems of <paramref name="value"/> against the root schema; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(JsonNode? value)
    {
        var problems = new List<string>();
        Check(root, value, "$", problems);
        return problems;
    }

    private void Check(JsonObject schema, JsonNode? value, string path, List<string> problems)
    {
        foreach (var (keyword, argument) in schema)
        {
            if (!Known.Contains(keyword))
            {
                problems.Add($"{path}: schema keyword {keyword} is not supported by the test validator");
                continue;
            }

            switch (keyword)
            {
                case "$ref":
                    Check(Resolve((string)argument!), value, path, problems);
                    break;
                case "type":
                    var types = argument is JsonArray list ? list.Select(t => (string)t!).ToList() : [(string)argument!];
                    if (!types.Any(t => IsType(value, t)))
                    {
                        problems.Add($"{path}: expected {string.Join(" or ", types)}, got {Describe(value)}");
                    }

                    break;
                case "const":
                    if (!JsonNode.DeepEquals(argument, value))
                    {
                        problems.Add($"{path}: expected {argument?.ToJsonString()}, got {Describe(value)}");
                    }

                    break;
                case "enum":
                    if (!argument!.AsArray().Any(option => JsonNode.DeepEquals(option, value)))
                    {
                        problems.Add($"{path}: {Describe(value)} is not one of {argument.ToJsonString()}");
                    }

                    break;
                case "minimum":
                    if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.GetValue<double>() < argument!.GetValue<double>())
                    {
                        problems.Add($"{path}: {number} is below {argument}");
                    }

                    break;
                case "required" when value is JsonObject required:
                    foreach (var name in argument!.AsArray().Select(n => (string)n!).Where(n => !required.ContainsKey(n)))
                    {
                        problems.Add($"{path}: missing {name}");
                    }

                    break;
                case "properties" when value is JsonObject members:
                    foreach (var (name, sub) in argument!.AsObject().Where(p => members.ContainsKey(p.Key)))
                    {
                        Check(sub!.AsObject(), members[name], $"{path}.{name}", problems);
                    }

                    break;
                case "additionalProperties" when value is JsonObject extra && argument!.GetValueKind() == JsonValueKind.False:
                    var declared = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
                    problems.AddRange(extra.Where(p => !declared.Contains(p.Key)).Select(p => $"{path}: unexpected {p.Key}"));
                    break;
                case "items" when value is JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Check(argument!.AsObject(), array[i], $"{path}[{i}]", problems);
                    }

                    break;
                case "allOf":
                    foreach (var sub in argument!.AsArray())
                    {
                        Check(sub!.AsObject(), value, path, problems);
                    }

                    break;
                case "if":
                    var condition = new List<string>();
                    Check(argument!.AsObject(), value, path, condition);
                    if (condition.Count == 0 && schema["then"] is JsonObject then)
                    {
                        Check(then, value, path, problems);
                    }

                    break;
            }
        }
    }

    private JsonObject Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal) || root["$defs"]?[reference[prefix.Length..]] is not JsonObject target)
        {
            throw new InvalidOperationException($"unresolvable $ref {reference}");
        }

        return target;
    }

    private static bool IsType(JsonNode? value, string type) => (type, value?.GetValueKind()) switch
    {
        ("null", null or JsonValueKind.Null) => true,
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => value!.AsValue().GetValue<double>() % 1 == 0,
        _ => false,
    };

    private static string Describe(JsonNode? value) => value?.ToJsonString() ?? "null";
}
