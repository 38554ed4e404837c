using Strata.Cli.Output;
using Strata.Lint;

namespace Strata.Cli.Commands.Lint;

/// <summary>Findings as one SARIF 2.1.0 log, the format code-scanning services read.</summary>
internal static class LintSarif
{
    public static JsonObject Log(LintResult result, Func<string, string> display)
    {
        var index = LintRules.All.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var run = Run();
        run["results"] = new JsonArray([.. result.Findings.Select(f => Result(f, index[f.Rule], display))]);
        return Wrap(run);
    }

    /// <summary>
    /// The log of a run that stopped on an error: its invocation did not succeed and carries the error as a tool
    /// execution notification (SARIF 2.1.0 §3.20.14, §3.20.21); results are absent, as they were never computed.
    /// </summary>
    public static JsonObject FailedLog(ErrorReport report, string? file)
    {
        var notification = new JsonObject
        {
            ["level"] = "error",
            ["message"] = new JsonObject { ["text"] = report.Message },
            ["properties"] = new JsonObject { ["code"] = report.Code },
        };
        if (file is not null)
        {
            var region = new JsonObject();
            if (report.Line is { } line)
            {
                region["startLine"] = line;
            }

            if (report.Column is { } column)
            {
                region["startColumn"] = column;
            }

            var physical = new JsonObject { ["artifactLocation"] = Artifact(file) };
            if (region.Count > 0)
            {
                physical["region"] = region;
            }

            notification["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical });
        }

        var run = Run();
        run["invocations"] = new JsonArray(new JsonObject
        {
            ["executionSuccessful"] = false,
            ["exitCode"] = report.ExitCode,
            ["toolExecutionNotifications"] = new JsonArray(notification),
        });
        return Wrap(run);
    }

    private static JsonObject Wrap(JsonObject run) => new()
    {
        ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
        ["version"] = "2.1.0",
        ["runs"] = new JsonArray(run),
    };

    // Finding columns count code points (an emoji is one); SARIF's default is UTF-16 code units, so say which.
    private static JsonObject Run() => new()
    {
        ["columnKind"] = "unicodeCodePoints",
        ["tool"] = new JsonObject
        {
            ["driver"] = new JsonObject
            {
                ["name"] = "strata lint",
                ["semanticVersion"] = Hosting.VersionOption.Version,
                ["rules"] = new JsonArray([.. LintRules.All.Select(Rule)]),
            },
        },
    };

    // A URI reference, so a space, % or # in a file name is percent-encoded; a path outside the working directory
    // becomes a file: URI.
    private static JsonObject Artifact(string path) => new()
    {
        ["uri"] = Path.IsPathRooted(path)
            ? new Uri(path).AbsoluteUri
            : string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)),
    };

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
                ["artifactLocation"] = Artifact(display(finding.File)),
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
