namespace Strata.Lint;

/// <summary>The findings of one lint run, in file and statement order.</summary>
/// <param name="Findings">Every finding that was not suppressed.</param>
/// <param name="Files">How many files were linted.</param>
/// <param name="Statements">How many statements were parsed.</param>
/// <param name="Suppressed">How many findings a <c>strata:lint-ignore</c> comment suppressed.</param>
public sealed record LintResult(IReadOnlyList<LintFinding> Findings, int Files, int Statements, int Suppressed)
{
    /// <summary>True when some finding is at least as serious as <paramref name="severity"/>.</summary>
    public bool HasFindingsAtLeast(LintSeverity severity) => Findings.Any(f => f.Severity >= severity);
}
