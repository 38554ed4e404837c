namespace Strata.Lint;

/// <summary>What decided a finding.</summary>
public enum LintEvidence
{
    /// <summary>The parse tree alone (and what earlier statements declared).</summary>
    Static,

    /// <summary>What PostgreSQL did when the statement ran on a scratch copy of the schema.</summary>
    Dynamic,
}
