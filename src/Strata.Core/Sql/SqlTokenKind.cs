namespace Strata.Core.Sql;

/// <summary>The kinds of token <see cref="SqlTokenizer"/> produces; comments and whitespace are skipped, not tokens.</summary>
internal enum SqlTokenKind
{
    /// <summary>An unquoted identifier or keyword, such as <c>CREATE</c> or <c>users</c>.</summary>
    Word,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>A single-quoted string (also <c>B''</c>, <c>X''</c>, <c>N''</c>, <c>U&amp;''</c>, whose prefix is a separate token).</summary>
    String,

    /// <summary>An <c>E'...'</c> string with backslash escapes, prefix included.</summary>
    EscapeString,

    /// <summary>A double-quoted identifier.</summary>
    QuotedIdentifier,

    /// <summary>A dollar-quoted string, delimiters included.</summary>
    DollarString,

    /// <summary>A positional parameter such as <c>$1</c>.</summary>
    Parameter,

    /// <summary>Any other single character: punctuation, an operator character, a semicolon, a backslash.</summary>
    Symbol,

    /// <summary>A single-quoted string that runs to the end of the text.</summary>
    UnterminatedString,

    /// <summary>An <c>E'...'</c> string that runs to the end of the text.</summary>
    UnterminatedEscapeString,

    /// <summary>A double-quoted identifier that runs to the end of the text.</summary>
    UnterminatedQuotedIdentifier,

    /// <summary>A dollar-quoted string whose closing delimiter never comes.</summary>
    UnterminatedDollarString,

    /// <summary>A block comment that is still open at the end of the text.</summary>
    UnterminatedBlockComment,
}
