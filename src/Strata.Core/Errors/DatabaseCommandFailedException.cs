namespace Strata.Core.Errors;

/// <summary>
/// The server (or a PostgreSQL client program such as pg_dump) refused a lifecycle command on a whole database, such
/// as <c>CREATE DATABASE</c> without the privilege or <c>DROP DATABASE</c> while other sessions use it. The message
/// names the database and says what to do.
/// </summary>
internal sealed class DatabaseCommandFailedException : StrataException
{
    /// <summary>Creates the error; the message must already be free of secrets.</summary>
    /// <param name="message">The one-line message.</param>
    /// <param name="sqlState">The server's SQLSTATE, or null when a client program reported the failure.</param>
    /// <param name="innerException">The server's error, when it holds no secret.</param>
    public DatabaseCommandFailedException(string message, string? sqlState, Exception? innerException = null)
        : base(message, innerException)
    {
        SqlState = sqlState;
    }

    /// <inheritdoc />
    public override string Code => "database-command-failed";

    /// <summary>The server's SQLSTATE, or null when a client program reported the failure.</summary>
    public string? SqlState { get; }
}
