namespace Strata.Core.Errors;

/// <summary>
/// A SQL script could not be split into statements: an unterminated string, quoted identifier, dollar quote or block
/// comment, a psql meta-command, or <c>COPY ... FROM STDIN</c>; or a file run in one transaction holds a statement
/// that would end it. The message names the file, line and column.
/// </summary>
internal sealed class SqlSyntaxException : StrataException
{
    /// <summary>Creates the error with a one-line message and the position it refers to.</summary>
    /// <param name="message">The one-line message, already naming the file, line and column.</param>
    /// <param name="fileName">The file the script came from, or null when it has none.</param>
    /// <param name="line">The 1-based line in the file.</param>
    /// <param name="column">The 1-based column in the file.</param>
    public SqlSyntaxException(string message, string? fileName, int line, int column)
        : base(message)
    {
        FileName = fileName;
        Line = line;
        Column = column;
    }

    /// <summary>The file the script came from, or null when it has none.</summary>
    public string? FileName { get; }

    /// <summary>The 1-based line the error refers to (for an unterminated construct, the line where it starts).</summary>
    public int Line { get; }

    /// <summary>The 1-based column the error refers to.</summary>
    public int Column { get; }

    /// <inheritdoc />
    public override string Code => "sql-syntax";
}
