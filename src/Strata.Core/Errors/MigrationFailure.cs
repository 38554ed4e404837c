namespace Strata.Core.Errors;

/// <summary>Where and why a migration failed; carried by <see cref="MigrationFailedException"/>.</summary>
/// <param name="Version">The version of the migration that failed.</param>
/// <param name="File">The file (or embedded resource) the migration came from.</param>
/// <param name="Line">The 1-based line of the failure in <paramref name="File"/>.</param>
/// <param name="Column">The 1-based column of the failure in <paramref name="File"/>.</param>
/// <param name="SqlState">The server's SQLSTATE, or null when Strata refused the migration before running it.</param>
/// <param name="ServerMessage">The server's primary message, or Strata's reason.</param>
/// <param name="Detail">The server's detail line, if any.</param>
/// <param name="Hint">The server's or Strata's hint, if any.</param>
/// <param name="Statement">The text of the failing statement as written in the file, when one statement failed; it may hold secrets, so redact it before showing it.</param>
internal sealed record MigrationFailure(
    string Version,
    string File,
    int Line,
    int Column,
    string? SqlState,
    string ServerMessage,
    string? Detail,
    string? Hint,
    string? Statement = null)
{
    /// <summary>Why it failed, as one line: the SQLSTATE when there is one, the message, the detail and the hint.</summary>
    public string Reason => ErrorLine.Of(SqlState, ServerMessage, Detail, Hint);

    /// <summary>Where it failed: <c>file:line:column</c>.</summary>
    public string Location => $"{File}:{Line}:{Column}";
}
