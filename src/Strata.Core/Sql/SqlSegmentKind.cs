namespace Strata.Core.Sql;

/// <summary>What a <see cref="SqlSegment"/> of a script is.</summary>
internal enum SqlSegmentKind
{
    /// <summary>A statement, from its first significant character to its semicolon.</summary>
    Statement,

    /// <summary>Whitespace, comments and empty statements between (or around) statements.</summary>
    Trivia,
}
