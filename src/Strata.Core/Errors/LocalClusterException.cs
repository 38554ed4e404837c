namespace Strata.Core.Errors;

/// <summary>The local PostgreSQL cluster that Strata runs itself could not be created, started or stopped.</summary>
internal sealed class LocalClusterException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public LocalClusterException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string Code => "local-cluster";
}
