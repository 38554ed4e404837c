using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// A <c>strata:lint-ignore</c> comment that names no known rule or gives no reason suppresses nothing; the linter
/// itself reports it (the comment is not part of the parse tree, so <see cref="Check"/> finds nothing).
/// </summary>
internal sealed class InvalidLintIgnore : LintRule
{
    public override string Id => "invalid-lint-ignore";

    public override LintSeverity Severity => LintSeverity.Warning;

    public override string Summary => "A strata:lint-ignore comment without a known rule id and a reason suppresses nothing.";

    public override string SafeAlternative => "Write '-- strata:lint-ignore <rule-id> <why this statement is safe>' on or just above the statement.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context) => [];

    public static string Describe(Suppression suppression) =>
        suppression.RuleId is null ? "strata:lint-ignore names no rule: it suppresses nothing."
        : !RuleCatalog.Exists(suppression.RuleId) ? $"strata:lint-ignore names '{suppression.RuleId}', which is not a rule: it suppresses nothing."
        : $"strata:lint-ignore {suppression.RuleId} gives no reason: it suppresses nothing until one is written.";
}
