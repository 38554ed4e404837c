namespace Strata.Lint.Parsing;

/// <summary>
/// The typed view of one parsed statement that the rules read; statements no rule needs are <see cref="OtherNode"/>.
/// </summary>
internal abstract record StatementNode
{
    /// <summary>Every string literal in the statement, for rules that look for a value's use.</summary>
    public IReadOnlyList<string> StringLiterals { get; init; } = [];
}
