namespace Strata.Lint.Parsing;

/// <summary>What rules need to know about an expression, read once from the parse tree.</summary>
/// <param name="Functions">The names of every function the expression calls (last name part, lower case).</param>
/// <param name="CallsSqlValueFunction">True when it uses CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_USER and the like.</param>
/// <param name="HasSubquery">True when it contains a subquery.</param>
/// <param name="NotNullColumn">The column when the whole expression is <c>column IS NOT NULL</c>; otherwise null.</param>
internal sealed record ExpressionSummary(IReadOnlyList<string> Functions, bool CallsSqlValueFunction, bool HasSubquery, string? NotNullColumn)
{
    /// <summary>True when the expression is the null constant, cast or not (<c>NULL</c>, <c>NULL::text</c>).</summary>
    public bool IsNullConstant { get; init; }

    /// <summary>The summary of no expression.</summary>
    public static ExpressionSummary None { get; } = new([], false, false, null);
}
