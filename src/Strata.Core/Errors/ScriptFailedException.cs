namespace Strata.Core.Errors;

/// <summary>
/// A seed file or a schema file failed on the server and its transaction was rolled back, so nothing of it was
/// kept. The message is one line naming the file, line and column of the failing statement and the server's
/// SQLSTATE and message, like a failed migration.
/// </summary>
internal sealed class ScriptFailedException : StrataException
{
    /// <summary>Creates the error; every text argument must already be free of secrets.</summary>
    /// <param name="message">The one-line message, already naming the file, line, column and SQLSTATE.</param>
    /// <param name="file">The file that failed.</param>
    /// <param name="line">The 1-based line of the failure in <paramref name="file"/>.</param>
    /// <param name="column">The 1-based column of the failure in <paramref name="file"/>.</param>
    /// <param name="sqlState">The server's SQLSTATE.</param>
    /// <param name="statement">The failing statement as written in the file; it may hold secrets, so redact it before showing it.</param>
    /// <param name="innerException">The server's error, when it holds no secret.</param>
    public ScriptFailedException(string message, string file, int line, int column, string sqlState, string? statement, Exception? innerException = null)
        : base(message, innerException)
    {
        File = file;
        Line = line;
        Column = column;
        SqlState = sqlState;
        Statement = statement;
    }

    /// <inheritdoc />
    public override string Code => "script-failed";

    /// <summary>The file that failed.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the failure in <see cref="File"/>.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the failure in <see cref="File"/>.</summary>
    public int Column { get; }

    /// <summary>The server's SQLSTATE.</summary>
    public string SqlState { get; }

    /// <summary>The failing statement as written in the file; it may hold secrets, so redact it before showing it.</summary>
    public string? Statement { get; }
}
