namespace Strata.Lint.Tests.Oracle;

/// <summary>What PostgreSQL did to table <c>t</c> while running a migration in a transaction.</summary>
/// <param name="Rewritten">True when t's relfilenode changed: the table was rewritten.</param>
/// <param name="Locks">The lock modes this backend held on t afterwards.</param>
/// <param name="SequentialScans">Sequential scans of t counted in the transaction.</param>
/// <param name="SqlState">The SQLSTATE the migration failed with, or null.</param>
public sealed record ServerObservation(bool Rewritten, IReadOnlyList<string> Locks, long SequentialScans, string? SqlState)
{
    /// <summary>True when a lock blocks the application's writes (ROW EXCLUSIVE) on t.</summary>
    public bool BlocksWrites => Locks.Any(l => l is "ShareLock" or "ShareRowExclusiveLock" or "ExclusiveLock" or "AccessExclusiveLock");
}
