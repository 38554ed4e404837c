namespace Strata.Lint;

/// <summary>What a rule is, for listings and documentation.</summary>
/// <param name="Id">The stable kebab-case id.</param>
/// <param name="Severity">The severity of its findings.</param>
/// <param name="Summary">One line: the hazard.</param>
/// <param name="SafeAlternative">One line: what to write instead.</param>
/// <param name="Versions">The PostgreSQL major versions it applies to.</param>
public sealed record LintRuleInfo(string Id, LintSeverity Severity, string Summary, string SafeAlternative, PostgresVersions Versions);
