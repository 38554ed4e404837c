namespace Strata.Core.Sql;

/// <summary>One statement of a SQL script, with where it starts in its file.</summary>
/// <param name="Text">The statement's text as written, including its terminating semicolon when it has one.</param>
/// <param name="Line">The 1-based line of the statement's first significant character in the file.</param>
/// <param name="Column">The 1-based column of that character.</param>
/// <param name="Offset">The 0-based character offset of <paramref name="Text"/> within the script that was split.</param>
public sealed record SqlStatement(string Text, int Line, int Column, int Offset);
