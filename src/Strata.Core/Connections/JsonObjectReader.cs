using System.Text.Json;

namespace Strata.Core.Connections;

/// <summary>
/// Reads one JSON object of the config file strictly: unknown and duplicate keys and wrong value types are
/// errors that name the key, where it is, and the file.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);
    private readonly string _where;
    private readonly string _file;

    public JsonObjectReader(JsonElement element, string where, string file, IReadOnlyCollection<string> allowedKeys)
    {
        _where = where;
        _file = file;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"{where} must be a JSON object");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!allowedKeys.Contains(property.Name))
            {
                throw Error($"unknown key '{SettingValues.Shorten(property.Name)}' in {where} (allowed: {string.Join(", ", allowedKeys)})");
            }

            if (!_values.TryAdd(property.Name, property.Value))
            {
                throw Error($"key '{property.Name}' appears twice in {where}");
            }
        }
    }

    /// <summary>The key's value, or null when the key is absent. A JSON null is no value of any key's type: an error.</summary>
    public JsonElement? Get(string key)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Null
            ? throw Error($"'{key}' in {_where} is null: give it a value, or leave the key out")
            : value;
    }

    public string? String(string key)
    {
        if (Get(key) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Error($"'{key}' in {_where} must be a non-empty string");
        }

        return value.GetString();
    }

    public bool Bool(string key)
    {
        if (Get(key) is not { } value)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"'{key}' in {_where} must be true or false"),
        };
    }

    public Errors.ConfigurationException Error(string problem) => ConnectionStringErrors.Invalid(_file, problem);
}
