namespace Strata.Core.Execution;

/// <summary>A token of a statement, as far as classifying the statement needs: words, quoted names, symbols.</summary>
/// <param name="Text">A word folded to lower case, a quoted identifier without its quotes, or a symbol character.</param>
/// <param name="Kind">What the token is.</param>
internal readonly record struct SqlToken(string Text, SqlTokenKind Kind)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && Text == word;

    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}

/// <summary>The kinds of <see cref="SqlToken"/>.</summary>
internal enum SqlTokenKind
{
    Word,
    QuotedIdentifier,
    Symbol,
    Literal,
}
