namespace Strata.Core.Errors;

/// <summary>A program Strata needs on this machine (such as PostgreSQL's initdb or pg_dump) is not installed.</summary>
internal sealed class PrerequisiteMissingException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public PrerequisiteMissingException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string Code => "prerequisite-missing";
}
