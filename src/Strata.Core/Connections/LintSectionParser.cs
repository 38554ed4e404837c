using System.Globalization;
using System.Text.Json;

namespace Strata.Core.Connections;

/// <summary>
/// Reads the <c>lint</c> section of <c>strata.json</c>:
/// <c>{ "onUp": "fail", "largeTableRows": 50000, "rules": { "prefer-jsonb": "off" } }</c>. Keys and the severity
/// words are checked here; whether a rule id exists is for the linter, which knows its rules.
/// </summary>
internal static class LintSectionParser
{
    /// <summary>The words a rule's severity may be set to.</summary>
    public static readonly string[] Severities = ["off", "info", "warning", "error"];

    private static readonly string[] Keys = ["onUp", "largeTableRows", "rules"];

    public static LintSection Read(JsonObjectReader top, string displayPath)
    {
        if (top.Get("lint") is not { } section)
        {
            return LintSection.Empty;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw top.Error("'lint' must be a JSON object, such as { \"onUp\": \"fail\" }");
        }

        var lint = new JsonObjectReader(section, "'lint'", displayPath, Keys);
        return new LintSection(lint.String("onUp"), Rows(lint), Rules(lint, displayPath));
    }

    // A number in the file (a string is the wrong type); kept as text so the builder parses it like the same value from a variable.
    private static string? Rows(JsonObjectReader lint) => lint.Get("largeTableRows") switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var rows) => rows.ToString(CultureInfo.InvariantCulture),
        _ => throw lint.Error("'largeTableRows' in 'lint' must be a whole number of rows, such as 10000"),
    };

    private static List<KeyValuePair<string, string>> Rules(JsonObjectReader lint, string displayPath)
    {
        if (lint.Get("rules") is not { } rules)
        {
            return [];
        }

        if (rules.ValueKind != JsonValueKind.Object)
        {
            throw lint.Error("'rules' in 'lint' must be a JSON object of rule ids, such as { \"prefer-jsonb\": \"off\" }");
        }

        var ids = rules.EnumerateObject().Select(p => p.Name).ToList();
        var reader = new JsonObjectReader(rules, "'lint.rules'", displayPath, ids);
        var severities = new List<KeyValuePair<string, string>>();
        foreach (var id in ids)
        {
            var severity = reader.Get(id) is { ValueKind: JsonValueKind.String } value ? value.GetString()!.Trim().ToLowerInvariant() : null;
            if (severity is null || !Severities.Contains(severity))
            {
                throw reader.Error($"'{SettingValues.Shorten(id)}' in 'lint.rules' must be one of {string.Join(", ", Severities)}");
            }

            severities.Add(new(id, severity));
        }

        return severities;
    }
}
