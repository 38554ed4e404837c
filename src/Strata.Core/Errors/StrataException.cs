namespace Strata.Core.Errors;

/// <summary>
/// The base of every error Strata reports on purpose. Messages are one line, written for the person running the
/// command, and never contain a secret: code that builds one must redact connection strings and passwords first.
/// The command-line edge maps each subclass to a documented exit code.
/// </summary>
public abstract class StrataException : Exception
{
    /// <summary>Creates an error with a one-line, secret-free message.</summary>
    protected StrataException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>A stable kebab-case identifier of the kind of error, used in JSON output.</summary>
    public abstract string Code { get; }

    /// <summary>What the person can do about it, as data each front end words itself; empty when there is nothing to suggest.</summary>
    public IReadOnlyList<NextStep> NextSteps { get; init; } = [];
}
