namespace Strata.Lint;

/// <summary>How serious a finding is; the order is significant (<c>--fail-on</c> compares).</summary>
public enum LintSeverity
{
    /// <summary>Advice: a design choice that is usually better made differently.</summary>
    Info,

    /// <summary>Ships with care: safe in some circumstances the linter cannot see.</summary>
    Warning,

    /// <summary>
    /// Must not ship as written: holds a lock that blocks reads or writes for a time that grows with the table, fails
    /// on a non-empty table, or breaks the version of the application still running during a rolling deploy.
    /// </summary>
    Error,
}
