namespace Strata.Lint;

/// <summary>The findings of one lint run, in file and statement order.</summary>
/// <param name="Findings">Every finding that was not suppressed.</param>
/// <param name="Files">How many files were linted.</param>
/// <param name="Statements">How many statements were parsed.</param>
/// <param name="Suppressed">How many findings a <c>strata:lint-ignore</c> comment suppressed.</param>
public sealed record LintResult(IReadOnlyList<LintFinding> Findings, int Files, int Statements, int Suppressed)
{
    /// <summary>
    /// Static findings that a dynamic run overrode because the server showed nothing as severe: no rewrite or scan of
    /// an existing table under a lock that blocks traffic (a binary-coercible type change), or one on a table below
    /// the size threshold. Static guesses the server confirmed are replaced by the observed findings, not listed.
    /// </summary>
    public IReadOnlyList<LintFinding> Overridden { get; init; } = [];

    /// <summary>What each statement was seen to do on the scratch database, in order (empty for a static run).</summary>
    public IReadOnlyList<Observation.StatementObservation> Observations { get; init; } = [];

    /// <summary>True when the statements were also run on a scratch database.</summary>
    public bool Dynamic { get; init; }

    /// <summary>True when some finding is at least as serious as <paramref name="severity"/>.</summary>
    public bool HasFindingsAtLeast(LintSeverity severity) => Findings.Any(f => f.Severity >= severity);
}
