namespace Strata.Lint.Engine;

/// <summary>Applies the severities set per rule (<see cref="LintOptions.RuleSeverities"/>) to a finished result.</summary>
internal static class SeverityOverrides
{
    // Applied last, after static and observed findings are merged, so a rule is judged by its own evidence and
    // only then weighed as the project chose.
    public static LintResult Apply(LintResult result, LintOptions options)
    {
        if (options.RuleSeverities.Count == 0)
        {
            return result;
        }

        return result with
        {
            Findings = Adjust(result.Findings, options),
            Overridden = Adjust(result.Overridden, options),
        };
    }

    private static List<LintFinding> Adjust(IReadOnlyList<LintFinding> findings, LintOptions options)
    {
        var adjusted = new List<LintFinding>(findings.Count);
        foreach (var finding in findings)
        {
            if (!options.RuleSeverities.TryGetValue(finding.Rule, out var severity))
            {
                adjusted.Add(finding);
            }
            else if (severity is { } chosen)
            {
                adjusted.Add(finding with { Severity = chosen });
            }
        }

        return adjusted;
    }
}
