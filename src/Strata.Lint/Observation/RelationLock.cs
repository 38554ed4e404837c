namespace Strata.Lint.Observation;

/// <summary>A lock a statement's backend held on a table, or on one of its indexes, as <c>pg_locks</c> showed it.</summary>
/// <param name="Relation">The table, schema-qualified.</param>
/// <param name="Mode">The lock mode as pg_locks names it, such as <c>AccessExclusiveLock</c>.</param>
/// <param name="Granted">False when the statement was waiting for it.</param>
/// <param name="Index">
/// The table's index the lock is on, when it is on an index rather than the table: an ACCESS EXCLUSIVE lock on an
/// existing index (REINDEX) blocks the table's reads too, since planning any query on a table opens all its indexes.
/// </param>
public sealed record RelationLock(string Relation, string Mode, bool Granted = true, string? Index = null)
{
    /// <summary>
    /// True when the mode conflicts with the application's normal traffic: ROW EXCLUSIVE (INSERT, UPDATE, DELETE)
    /// or ACCESS SHARE (SELECT).
    /// </summary>
    public bool BlocksTraffic => Mode is "ShareLock" or "ShareRowExclusiveLock" or "ExclusiveLock" or "AccessExclusiveLock";

    /// <summary>True when even reads (ACCESS SHARE) wait.</summary>
    public bool BlocksReads => Mode == "AccessExclusiveLock";

    /// <summary>The mode in SQL's words: <c>ACCESS EXCLUSIVE</c>.</summary>
    public string SqlName => string.Concat(Mode.Replace("Lock", "", StringComparison.Ordinal)
        .Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString())).ToUpperInvariant();
}
