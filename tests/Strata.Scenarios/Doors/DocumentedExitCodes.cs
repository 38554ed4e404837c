namespace Strata.Scenarios.Doors;

/// <summary>The exit codes of docs/exit-codes.md by error code, for front doors that are not a process.</summary>
public static class DocumentedExitCodes
{
    /// <summary>Not a process exit code: the front door has no such operation.</summary>
    public const int NotOffered = -1;

    public static int For(string kind) => kind switch
    {
        "configuration" or "usage" => 2,
        "connection-failed" => 3,
        "lock-not-acquired" => 4,
        "validation-failed" or "migration-file" or "sql-syntax" => 5,
        "protected-environment" => 6,
        "prerequisite-missing" => 7,
        "cancelled" => 130,
        Outcome.NotOffered => NotOffered,
        _ => 1,
    };
}
