namespace Strata.Core.Errors;

/// <summary>A lock Strata needs (the migration lock, or a table lock within the lock timeout's retries) could not be acquired in time.</summary>
public sealed class LockNotAcquiredException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public LockNotAcquiredException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string Code => "lock-not-acquired";

    /// <summary>The version of the migration that could not get its locks, or null when the lock was not a migration's.</summary>
    public string? Version { get; init; }

    /// <summary>The statement of the migration that waited for its locks, when one did; it may hold secrets, so redact it before showing it.</summary>
    internal MigrationFailure? Failure { get; init; }
}
