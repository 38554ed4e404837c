namespace Strata.Core.Errors;

/// <summary>A validation or drift check found a problem: edited or missing migrations, ordering, checksums.</summary>
public sealed class ValidationFailedException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public ValidationFailedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string Code => "validation-failed";
}
