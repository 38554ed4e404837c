using Strata.Lint;

namespace Strata.Cli.Commands.Lint;

/// <summary>The JSON shapes of lint findings (stable field names, documented in docs/commands/lint.md).</summary>
internal static class LintJson
{
    public static JsonObject Document(LintResult result, Func<string, string> display) => new()
    {
        ["findings"] = new JsonArray([.. result.Findings.Select(f => Finding(f, display))]),
        ["overriddenByDynamic"] = new JsonArray([.. result.Overridden.Select(f => Finding(f, display))]),
        ["summary"] = Summary(result),
    };

    public static JsonObject Finding(LintFinding finding, Func<string, string> display)
    {
        var json = Fields(finding, display);
        AddObserved(json, finding.Observed);
        return json;
    }

    /// <summary>The fields of a dynamic finding: the lock, relations, rewrite, scan and estimated seconds.</summary>
    public static void AddObserved(JsonObject json, ObservedCost? observed)
    {
        if (observed is null)
        {
            return;
        }

        json["lock"] = observed.Lock;
        json["relations"] = new JsonArray([.. observed.Relations.Select(r => JsonValue.Create(r))]);
        json["rewrite"] = observed.Rewrite;
        json["scan"] = observed.Scan;
        json["estimatedSeconds"] = observed.EstimatedSeconds;
    }

    private static JsonObject Fields(LintFinding finding, Func<string, string> display) => new()
    {
        ["file"] = display(finding.File),
        ["line"] = finding.Line,
        ["column"] = finding.Column,
        ["rule"] = finding.Rule,
        ["severity"] = SeverityName(finding.Severity),
        ["message"] = finding.Message,
        ["safeAlternative"] = finding.SafeAlternative,
        ["evidence"] = EvidenceName(finding.Evidence),
    };

    public static string EvidenceName(LintEvidence evidence) => evidence == LintEvidence.Dynamic ? "dynamic" : "static";

    public static JsonObject Summary(LintResult result) => new()
    {
        ["files"] = result.Files,
        ["statements"] = result.Statements,
        ["errors"] = result.Findings.Count(f => f.Severity == LintSeverity.Error),
        ["warnings"] = result.Findings.Count(f => f.Severity == LintSeverity.Warning),
        ["infos"] = result.Findings.Count(f => f.Severity == LintSeverity.Info),
        ["suppressed"] = result.Suppressed,
        ["dynamic"] = result.Dynamic,
        ["overridden"] = result.Overridden.Count,
    };

    public static string SeverityName(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "info",
    };
}
