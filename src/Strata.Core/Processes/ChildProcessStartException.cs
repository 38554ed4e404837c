namespace Strata.Core.Processes;

/// <summary>
/// A program could not be started. Not a <see cref="Errors.StrataException"/>: each caller says what the program was
/// for and raises its own error, which decides the exit code.
/// </summary>
internal sealed class ChildProcessStartException(string program, string reason, Exception? innerException)
    : Exception($"could not start {program}: {reason}", innerException)
{
    public string Program { get; } = program;

    public string Reason { get; } = reason;
}
