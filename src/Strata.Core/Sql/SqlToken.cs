namespace Strata.Core.Sql;

/// <summary>One token of SQL text: its kind and the half-open character range it covers.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">The index of its first character.</param>
/// <param name="End">The index just past its last character.</param>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int End)
{
    /// <summary>Whether the token is a construct that the text ends inside of.</summary>
    public bool IsUnterminated => Kind >= SqlTokenKind.UnterminatedString;
}
