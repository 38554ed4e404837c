namespace Strata.Lint.Parsing;

/// <summary>What rules need to know about an expression, read once from the parse tree.</summary>
/// <param name="Functions">The names of every function the expression calls (last name part, lower case).</param>
/// <param name="CallsSqlValueFunction">True when it uses CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_USER and the like.</param>
/// <param name="HasSubquery">True when it contains a subquery.</param>
/// <param name="NotNullColumns">
/// The columns the expression proves not null: <c>column IS NOT NULL</c>, the whole expression or a term of its top-level AND.
/// </param>
internal sealed record ExpressionSummary(IReadOnlyList<string> Functions, bool CallsSqlValueFunction, bool HasSubquery, IReadOnlyList<string> NotNullColumns)
{
    /// <summary>True when the expression is the null constant, cast or not (<c>NULL</c>, <c>NULL::text</c>).</summary>
    public bool IsNullConstant { get; init; }

    /// <summary>The summary of no expression.</summary>
    public static ExpressionSummary None { get; } = new([], false, false, []);
}
