namespace Strata.Core.Errors;

/// <summary>The database server could not be reached or refused the connection.</summary>
public sealed class ConnectionFailedException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public ConnectionFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string Code => "connection-failed";

    /// <summary>The version of the migration that was running when the connection was lost, or null when none was.</summary>
    public string? Version { get; init; }
}
