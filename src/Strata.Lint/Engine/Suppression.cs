namespace Strata.Lint.Engine;

/// <summary>A <c>-- strata:lint-ignore &lt;rule-id&gt; &lt;reason&gt;</c> comment; either part may be missing (an invalid one).</summary>
internal sealed record Suppression(string? RuleId, string? Reason);
