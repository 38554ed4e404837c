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
}
