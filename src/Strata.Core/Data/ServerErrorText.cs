using System.Net.Sockets;
using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Core.Data;

/// <summary>
/// How server errors are worded, in one place: what Strata advises for a SQLSTATE, and the one-line, redacted form
/// of a server error (<c>SQLSTATE message (detail: ...; hint: ...)</c>) that migrations, scripts, lifecycle commands
/// and connection failures all report.
/// </summary>
internal static class ServerErrorText
{
    // What to do about a SQLSTATE whatever the command was; advice that depends on the command stays with it.
    private static readonly Dictionary<string, string> Hints = new(StringComparer.Ordinal)
    {
        [PostgresErrorCodes.InvalidPassword] = "check the password and where it comes from",
        [PostgresErrorCodes.InvalidCatalogName] = "create it or check the database name",
        [PostgresErrorCodes.CannotConnectNow] = "try again shortly",
        [PostgresErrorCodes.LockNotAvailable] = "find the session holding the lock (pg_locks, pg_stat_activity) or run again when the database is quieter",
    };

    // States that alone say what is wrong, whatever was being done: their advice beats a command's own guess.
    private static readonly Dictionary<string, string> Decisive = new(StringComparer.Ordinal)
    {
        [PostgresErrorCodes.ReadOnlySqlTransaction] =
            "the database only accepts reads (a standby, or default_transaction_read_only is on): connect to the primary, or turn read-only off for the migration role",
    };

    /// <summary>Strata's advice for <paramref name="sqlState"/>, or null when it has none.</summary>
    public static string? Hint(string sqlState) => Decisive.GetValueOrDefault(sqlState) ?? Hints.GetValueOrDefault(sqlState);

    /// <summary>
    /// The hint to show for a server error: the server's own, else Strata's advice for a state that alone decides it
    /// (read-only), else <paramref name="fallbackHint"/> (the command's advice), else Strata's advice for the state.
    /// </summary>
    public static string? HintFor(PostgresException error, string? fallbackHint = null) =>
        Server(error.Hint) ?? Decisive.GetValueOrDefault(error.SqlState) ?? fallbackHint ?? Hints.GetValueOrDefault(error.SqlState);

    /// <summary>"SQLSTATE message (detail: ...; hint: ...)", with <paramref name="fallbackHint"/> when the server gave none.</summary>
    public static string Describe(PostgresException error, string? fallbackHint = null) =>
        ErrorLine.Of(error.SqlState, OneLine(error.MessageText), Detail(error), HintFor(error, fallbackHint));

    /// <summary>Any exception's text on one redacted line: a server error's SQLSTATE and message, or Npgsql's message and cause.</summary>
    public static string Describe(Exception error)
    {
        var text = error is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : error.Message;
        if (error is not PostgresException && error.InnerException is { } inner)
        {
            text += ": " + Cause(inner);
        }

        return OneLine(text);
    }

    // The causes Npgsql wraps are said in words of ours where the runtime's would be vague, and never as a bare
    // resource key ("Arg_EndOfStreamException"), which is all a build trimmed with UseSystemResourceKeys has.
    private static string Cause(Exception inner) => inner switch
    {
        EndOfStreamException => "the server closed the connection",
        // A socket's message comes from the operating system, so it is words in every build.
        IOException { InnerException: SocketException socket } => socket.Message,
        _ when IsResourceKey(inner.Message) => inner.GetType().Name,
        _ => inner.Message,
    };

    // A key alone ("IO_EOF_ReadBeyondEOF"), or a key and then its arguments ("net_io_readfailure, Connection reset by peer").
    private static bool IsResourceKey(string message) => !message.Split(", ", 2)[0].Contains(' ', StringComparison.Ordinal);

    /// <summary>The text redacted and on one line.</summary>
    public static string OneLine(string text) => SecretRedactor.Redact(text).ReplaceLineEndings(" ").Trim();

    /// <summary>A server-supplied text redacted and on one line, or null when it is blank.</summary>
    public static string? Server(string? text) => string.IsNullOrWhiteSpace(text) ? null : OneLine(text);

    /// <summary>
    /// The server's detail, or null. Unless the data source sets Include Error Detail, Npgsql replaces the detail
    /// with a notice saying so, which is not worth showing.
    /// </summary>
    public static string? Detail(PostgresException error) =>
        error.Detail?.StartsWith("Detail redacted", StringComparison.Ordinal) == true ? null : Server(error.Detail);

    /// <summary>The exception to keep as the inner one (shown with --verbose) only when its text holds nothing to redact.</summary>
    public static Exception? SafeInner(Exception error)
    {
        var text = error.ToString();
        return SecretRedactor.Redact(text) == text ? error : null;
    }
}
