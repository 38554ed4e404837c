namespace Strata.Lint;

/// <summary>One rule broken by one statement.</summary>
/// <param name="File">The file the statement is in, as it was given.</param>
/// <param name="Line">The 1-based line in the file.</param>
/// <param name="Column">The 1-based column in the file.</param>
/// <param name="Rule">The rule's stable kebab-case id; its page is <c>docs/lint/&lt;rule&gt;.md</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">One line saying what this statement does wrong.</param>
/// <param name="SafeAlternative">One line saying what to write instead.</param>
public sealed record LintFinding(
    string File,
    int Line,
    int Column,
    string Rule,
    LintSeverity Severity,
    string Message,
    string SafeAlternative)
{
    /// <summary>Whether the parse tree or the server's behaviour decided this finding.</summary>
    public LintEvidence Evidence { get; init; } = LintEvidence.Static;

    /// <summary>For a dynamic finding: the lock, relations, rewrite, scan and estimated duration observed.</summary>
    public ObservedCost? Observed { get; init; }
}
