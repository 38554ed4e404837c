namespace Strata.Core.Errors;

/// <summary>The configuration or the command's input is invalid: a malformed URL, an unknown environment, a bad flag value.</summary>
public sealed class ConfigurationException : StrataException
{
    /// <summary>Creates the error with a one-line, secret-free message.</summary>
    public ConfigurationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override string Code => "configuration";
}
