namespace Strata.Scenarios.Doors;

/// <summary>What one call through a front door came to, in terms every front door can report.</summary>
/// <param name="ExitCode">
/// The process's exit code; for an in-process front door, the code docs/exit-codes.md documents for the error, so
/// that scenarios compare one number whatever the door.
/// </param>
/// <param name="ErrorKind">The error's stable code (<c>validation-failed</c>, ...), or null on success.</param>
/// <param name="Versions">The versions the call applied, reverted, recorded or repaired, in order.</param>
/// <param name="CurrentVersion">For status: the newest applied version, or null.</param>
/// <param name="Pending">For status: how many migrations are not applied.</param>
/// <param name="Message">The one-line message the door reported, for failure messages.</param>
public sealed record Outcome(int ExitCode, string? ErrorKind, IReadOnlyList<string> Versions, string? CurrentVersion, int? Pending, string Message)
{
    /// <summary>The error kind of an operation a front door does not offer at all.</summary>
    public const string NotOffered = "not-offered";

    public bool Succeeded => ExitCode == 0;

    public static Outcome Success(IEnumerable<string> versions, string message = "") => new(0, null, [.. versions], null, null, message);

    public static Outcome Status(string? currentVersion, int pending) => new(0, null, [], currentVersion, pending, "");

    public static Outcome Failure(string kind, string message) => new(DocumentedExitCodes.For(kind), kind, [], null, null, message);

    public static Outcome Unavailable(string door, string operation) =>
        new(DocumentedExitCodes.NotOffered, NotOffered, [], null, null, $"the {door} has no {operation}");

    public override string ToString() =>
        ErrorKind is null ? $"exit {ExitCode}: [{string.Join(", ", Versions)}] {Message}" : $"exit {ExitCode} ({ErrorKind}): {Message}";
}
