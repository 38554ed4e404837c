using System.Text.Json;

namespace Strata.Core.Connections;

/// <summary>Parses one environment of <c>strata.json</c>.</summary>
internal static class ConfigEnvironmentParser
{
    private static readonly string[] DatabaseObjectKeys = ["fromEnvironment"];

    public static ConfigEnvironment Parse(
        string name, JsonElement? element, string directory, string displayPath, IReadOnlyCollection<string> keys)
    {
        var where = $"environment '{name}'";
        if (element is not { } value)
        {
            throw ConnectionStringErrors.Invalid(displayPath, $"{where} is null; give it an object with a 'database'");
        }

        var reader = new JsonObjectReader(value, where, displayPath, keys);
        var passwordFile = reader.String("passwordFile");
        var passwordCommand = reader.String("passwordCommand");
        if (passwordFile is not null && passwordCommand is not null)
        {
            throw reader.Error($"{where} sets both 'passwordFile' and 'passwordCommand'; keep one");
        }

        return new ConfigEnvironment(
            name,
            ParseDatabase(reader, where, displayPath),
            ConfigFileParser.ResolvePath(directory, passwordFile),
            passwordCommand,
            ConfigFileParser.ResolvePath(directory, reader.String("migrationsDir")),
            ConfigFileParser.ResolvePath(directory, reader.String("seedsDir")),
            reader.Bool("protected"),
            reader.Bool("allowSeed"),
            reader.String("historyTable"));
    }

    /// <summary>Whether the environment's literal database string holds a password (it should not be committed).</summary>
    public static bool LiteralHasPassword(ConfigEnvironment environment, string displayPath) =>
        environment.Database.Literal is { } literal && DatabaseString.Parse(literal, Describe(environment, displayPath)).HasPassword;

    /// <summary>How errors about an environment's database name it: "environment 'prod' in ./strata.json".</summary>
    public static string Describe(ConfigEnvironment environment, string displayPath) =>
        $"database of environment '{environment.Name}' in {displayPath}";

    private static ConfigDatabase ParseDatabase(JsonObjectReader reader, string where, string displayPath)
    {
        switch (reader.Get("database"))
        {
            case null:
                throw reader.Error($"{where} has no 'database'");
            case { ValueKind: JsonValueKind.Object } element:
                var inner = new JsonObjectReader(element, $"'database' of {where}", displayPath, DatabaseObjectKeys);
                var variable = inner.String("fromEnvironment") ?? throw reader.Error($"'database' of {where} needs 'fromEnvironment'");
                return new ConfigDatabase(null, variable, false, null);
            case { ValueKind: JsonValueKind.String } element:
                return ParseDatabaseString(element.GetString()!, reader, where);
            default:
                throw reader.Error($"'database' of {where} must be a URL, \"local\" or {{\"fromEnvironment\": \"VARIABLE\"}}");
        }
    }

    private static ConfigDatabase ParseDatabaseString(string text, JsonObjectReader reader, string where)
    {
        if (text == "local")
        {
            return new ConfigDatabase(null, null, true, null);
        }

        if (text.StartsWith("local:", StringComparison.Ordinal))
        {
            var name = ConfigFileParser.LocalDatabaseName(text["local:".Length..], $"'database' of {where}", reader);
            return new ConfigDatabase(null, null, true, name);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw reader.Error($"'database' of {where} is empty");
        }

        return new ConfigDatabase(text, null, false, null);
    }
}
