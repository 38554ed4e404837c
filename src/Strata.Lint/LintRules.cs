using Strata.Lint.Rules;

namespace Strata.Lint;

/// <summary>The rules the linter applies, for listings and documentation.</summary>
public static class LintRules
{
    /// <summary>Every rule, with its id, severity, summary, safe alternative and PostgreSQL versions.</summary>
    public static IReadOnlyList<LintRuleInfo> All { get; } = [.. RuleCatalog.Rules.Select(r => r.Info)];
}
