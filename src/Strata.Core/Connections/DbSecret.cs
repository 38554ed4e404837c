using System.Text.Json;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// Reads <c>DB_SECRET</c>: an RDS Secrets Manager secret injected by ECS as JSON
/// (<c>{"username","password","host","port","dbname","engine"}</c>). Secrets that RDS manages for a master user hold
/// only username and password; <c>DB_HOST</c>, <c>DB_PORT</c> and <c>DB_NAME</c> then supply (or override) the address.
/// </summary>
internal static class DbSecret
{
    public const string Variable = "DB_SECRET";

    private static readonly string[] SupportedEngines = ["postgres", "aurora-postgresql"];

    public static SettingsDraft Parse(string json, IReadOnlyDictionary<string, string> environment)
    {
        using var document = ParseJson(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ConnectionStringErrors.Invalid(Variable, "must be a JSON object with username and password");
        }

        RegisterPassword(root);
        CheckEngine(root);
        var origin = EnvironmentVariables.Origin(environment, Variable);
        var draft = new SettingsDraft
        {
            Username = RequiredString(root, "username"),
            Password = OptionalString(root, "password"),
            Database = OptionalString(root, "dbname"),
        };
        draft.From(SettingNames.User, origin);
        Mark(draft, SettingNames.Password, draft.Password, origin);
        Mark(draft, SettingNames.Database, draft.Database, origin);
        if (OptionalString(root, "host") is { } host)
        {
            draft.Hosts = [HostList.ParseSingle(host, $"{origin} field 'host'", "the field 'port'")];
            draft.From(SettingNames.Host, origin);
        }

        if (ReadPort(root) is { } port)
        {
            draft.Ports = [port];
            draft.From(SettingNames.Port, origin);
        }

        DbVariables.ApplyAddressOverrides(draft, environment);
        if (draft.Hosts.Count == 0)
        {
            throw ConnectionStringErrors.Invalid(
                Variable, "has no host (secrets that RDS manages hold only username and password); set DB_HOST as well");
        }

        return draft;
    }

    private static JsonDocument ParseJson(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            // Only the position is reported: the reader's message could quote part of the secret.
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw ConnectionStringErrors.Invalid(Variable, $"is not valid JSON (line {line}, position {column})");
        }
    }

    private static void RegisterPassword(JsonElement root)
    {
        if (root.TryGetProperty("password", out var password) && password.ValueKind == JsonValueKind.String)
        {
            SecretRedactor.Register(password.GetString());
        }
    }

    private static void CheckEngine(JsonElement root)
    {
        var engine = OptionalString(root, "engine");
        if (engine is not null && !SupportedEngines.Contains(engine, StringComparer.OrdinalIgnoreCase))
        {
            throw ConnectionStringErrors.Invalid(
                Variable, $"is for engine '{SettingValues.Shorten(engine)}'; Strata supports postgres and aurora-postgresql");
        }
    }

    private static int? ReadPort(JsonElement root)
    {
        if (!root.TryGetProperty("port", out var port) || port.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = port.ValueKind switch
        {
            JsonValueKind.Number => port.GetRawText(),
            JsonValueKind.String => port.GetString()!,
            _ => throw ConnectionStringErrors.Invalid(Variable, "field 'port' must be a number or a string"),
        };
        return SettingValues.ParsePort(text, Variable, "field 'port'");
    }

    private static string RequiredString(JsonElement root, string name) =>
        OptionalString(root, name) ?? throw ConnectionStringErrors.Invalid(Variable, $"has no '{name}' field");

    private static string? OptionalString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            // Named as JSON spells it: a quote right after "password" would read as a SQL password literal, masked.
            throw ConnectionStringErrors.Invalid(Variable, $"field \"{name}\" must be a string");
        }

        var text = value.GetString();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static void Mark(SettingsDraft draft, string setting, string? value, string origin)
    {
        if (value is not null)
        {
            draft.From(setting, origin);
        }
    }
}
