using Strata.Lint.Observation;
using Strata.Lint.Rules;

namespace Strata.Lint;

/// <summary>The rules the linter applies, for listings and documentation.</summary>
public static class LintRules
{
    /// <summary>Every rule, with its id, severity, summary, safe alternative and PostgreSQL versions.</summary>
    /// <remarks>The rules judged from a dynamic run's observations come last; their severity is their strongest.</remarks>
    public static IReadOnlyList<LintRuleInfo> All { get; } =
    [
        .. RuleCatalog.Rules.Select(r => r.Info),
        .. ObservedRuleCatalog.Rules.Select(r => new LintRuleInfo(r.Id, LintSeverity.Error, r.Summary, r.SafeAlternative, PostgresVersions.All)),
    ];

    /// <summary>True when <paramref name="id"/> is the id of one of <see cref="All"/>.</summary>
    public static bool Exists(string id) => All.Any(r => r.Id == id);

    /// <summary>
    /// True for the static rules (renames and drops) that a dynamic run's comparison of the schema models before and
    /// after each migration decides, rather than the server's locks, rewrites and scans.
    /// </summary>
    public static bool DecidedBySchemaComparison(string id) => ObservedRuleCatalog.DecidedBySchemaComparison.Contains(id);
}
