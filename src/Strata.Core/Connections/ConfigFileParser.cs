using System.Text.Json;
using Strata.Core.Sql;

namespace Strata.Core.Connections;

/// <summary>Parses the text of <c>strata.json</c> into a <see cref="ConfigFile"/>; strict about keys and types.</summary>
internal static class ConfigFileParser
{
    private static readonly string[] TopKeys =
        ["$schema", "defaultEnvironment", "environments", "localDatabase", "migrationsDir", "seedsDir", "schemaFile", "historyTable", "drift", "lint", "adoption"];

    private static readonly string[] EnvironmentKeys =
        ["database", "passwordFile", "passwordCommand", "migrationsDir", "seedsDir", "protected", "allowSeed", "historyTable"];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Parses <paramref name="json"/>, the content of the file at <paramref name="path"/>.</summary>
    /// <returns>The file, with the names of environments whose literal database URL holds a password.</returns>
    public static ConfigFile Parse(
        string json, string path, string displayPath, string foundBy)
    {
        using var document = ParseJson(json, displayPath);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var top = new JsonObjectReader(document.RootElement, "the top level", displayPath, TopKeys);
        var (environments, withPasswords) = ParseEnvironments(top, directory, displayPath);
        var parsed = new ConfigFile(
            path,
            displayPath,
            foundBy,
            top.String("defaultEnvironment"),
            LocalDatabaseName(top.String("localDatabase"), "'localDatabase'", top),
            ResolvePath(directory, top.String("migrationsDir")),
            ResolvePath(directory, top.String("seedsDir")),
            top.String("historyTable"),
            environments)
        {
            EnvironmentsWithPasswords = withPasswords,
            DriftIgnore = DriftSectionParser.Ignore(top, displayPath),
            AdoptionIgnoreSchemas = AdoptionSectionParser.IgnoreSchemas(top, displayPath),
            SchemaFile = ResolvePath(directory, top.String("schemaFile")),
            Lint = LintSectionParser.Read(top, displayPath),
        };
        if (parsed.DefaultEnvironment is { } defaultName && !environments.ContainsKey(defaultName))
        {
            throw top.Error($"defaultEnvironment '{defaultName}' is not one of the environments ({parsed.KnownEnvironmentNames})");
        }

        return parsed;
    }

    private static (Dictionary<string, ConfigEnvironment>, List<string>) ParseEnvironments(
        JsonObjectReader top, string directory, string displayPath)
    {
        var environments = new Dictionary<string, ConfigEnvironment>(StringComparer.Ordinal);
        var withPasswords = new List<string>();
        if (top.Get("environments") is not { } element)
        {
            return (environments, withPasswords);
        }

        var names = element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Select(p => p.Name).ToList()
            : throw top.Error("'environments' must be a JSON object of named environments");
        var reader = new JsonObjectReader(element, "'environments'", displayPath, names);
        foreach (var name in names)
        {
            var environment = ConfigEnvironmentParser.Parse(name, reader.Get(name), directory, displayPath, EnvironmentKeys);
            environments[name] = environment;
            if (ConfigEnvironmentParser.LiteralHasPassword(environment, displayPath))
            {
                withPasswords.Add(name);
            }
        }

        return (environments, withPasswords);
    }

    public static string? ResolvePath(string directory, string? path) =>
        path is null ? null : Path.GetFullPath(Path.Combine(directory, path));

    public static string? LocalDatabaseName(string? name, string where, JsonObjectReader reader)
    {
        if (name is not null && (name.Length == 0 || !PostgresIdentifier.Fits(name)))
        {
            throw reader.Error($"{where} must name a database of 1 to {PostgresIdentifier.MaxBytes} bytes");
        }

        return name;
    }

    private static JsonDocument ParseJson(string json, string displayPath)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw ConnectionStringErrors.Invalid(displayPath, $"is not valid JSON {JsonSyntaxError.Describe(json, ex)}");
        }
    }
}
