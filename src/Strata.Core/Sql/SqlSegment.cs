namespace Strata.Core.Sql;

/// <summary>A piece of a split script; a script's segments in order, concatenated, are exactly its text.</summary>
/// <param name="Kind">Whether the piece is a statement or the trivia between statements.</param>
/// <param name="Text">The piece's text.</param>
/// <param name="Offset">The 0-based character offset of the piece within the script.</param>
internal sealed record SqlSegment(SqlSegmentKind Kind, string Text, int Offset);
