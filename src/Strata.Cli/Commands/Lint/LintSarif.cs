using Strata.Lint;

namespace Strata.Cli.Commands.Lint;

/// <summary>Findings as one SARIF 2.1.0 log, the format code-scanning services read.</summary>
internal static class LintSarif
{
    public static JsonObject Log(LintResult result, Func<string, string> display)
    {
        var rules = LintRules.All;
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "strata lint",
                        ["semanticVersion"] = typeof(LintSarif).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                        ["rules"] = new JsonArray([.. rules.Select(Rule)]),
                    },
                },
                ["results"] = new JsonArray([.. result.Findings.Select(f => Result(f, index[f.Rule], display))]),
            }),
        };
    }

    private static JsonObject Rule(LintRuleInfo rule) => new()
    {
        ["id"] = rule.Id,
        ["shortDescription"] = new JsonObject { ["text"] = rule.Summary },
        ["help"] = new JsonObject { ["text"] = rule.SafeAlternative },
        ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.Severity) },
        ["properties"] = new JsonObject { ["postgresVersions"] = rule.Versions.ToString() },
    };

    private static JsonObject Result(LintFinding finding, int ruleIndex, Func<string, string> display) => new()
    {
        ["ruleId"] = finding.Rule,
        ["ruleIndex"] = ruleIndex,
        ["level"] = Level(finding.Severity),
        ["message"] = new JsonObject { ["text"] = $"{finding.Message} Safe alternative: {finding.SafeAlternative}" },
        ["properties"] = Properties(finding),
        ["locations"] = new JsonArray(new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = display(finding.File).Replace('\\', '/') },
                ["region"] = new JsonObject { ["startLine"] = finding.Line, ["startColumn"] = finding.Column },
            },
        }),
    };

    private static JsonObject Properties(LintFinding finding)
    {
        var properties = new JsonObject { ["evidence"] = LintJson.EvidenceName(finding.Evidence) };
        LintJson.AddObserved(properties, finding.Observed);
        return properties;
    }

    private static string Level(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "note",
    };
}
