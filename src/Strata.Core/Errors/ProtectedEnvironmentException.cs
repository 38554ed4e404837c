namespace Strata.Core.Errors;

/// <summary>A destructive command was refused because the target environment is protected.</summary>
public sealed class ProtectedEnvironmentException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public ProtectedEnvironmentException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string Code => "protected-environment";
}
