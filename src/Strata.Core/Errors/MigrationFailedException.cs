namespace Strata.Core.Errors;

/// <summary>
/// A migration's SQL failed, or a migration cannot run as written. The message is one line naming the migration, the
/// file, line and column of the failing statement, and the server's SQLSTATE, message, detail and hint.
/// </summary>
public sealed class MigrationFailedException : StrataException
{
    /// <summary>Creates the error; every text argument must already be free of secrets.</summary>
    internal MigrationFailedException(string message, MigrationFailure failure, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Failure = failure;
    }

    /// <inheritdoc />
    public override string Code => "migration-failed";

    /// <summary>The details of the failure.</summary>
    internal MigrationFailure Failure { get; }

    /// <summary>The version of the migration that failed.</summary>
    public string Version => Failure.Version;

    /// <summary>The file (or embedded resource) the migration came from.</summary>
    public string File => Failure.File;

    /// <summary>The 1-based line in <see cref="File"/> where the failure was located.</summary>
    public int Line => Failure.Line;

    /// <summary>The 1-based column in <see cref="File"/> where the failure was located.</summary>
    public int Column => Failure.Column;

    /// <summary>The server's SQLSTATE, or null when the migration was refused before it reached the server.</summary>
    public string? SqlState => Failure.SqlState;

    /// <summary>The server's primary error message (redacted), or Strata's reason when the server was not involved.</summary>
    public string ServerMessage => Failure.ServerMessage;

    /// <summary>The server's detail line, when it sent one.</summary>
    public string? Detail => Failure.Detail;

    /// <summary>The server's hint, or Strata's, when there is one.</summary>
    public string? Hint => Failure.Hint;
}
