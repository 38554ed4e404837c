namespace Strata.Core.Planning;

/// <summary>Where a migration stands, comparing the source with the history table.</summary>
public enum MigrationState
{
    /// <summary>Recorded as applied, and the file is unchanged.</summary>
    Applied,

    /// <summary>Not applied yet, and newer than every recorded migration.</summary>
    Pending,

    /// <summary>Not applied yet, but older than the newest recorded migration.</summary>
    OutOfOrder,

    /// <summary>Recorded as applied, but the file's checksum differs from the recorded one.</summary>
    Edited,

    /// <summary>Recorded as applied, but no longer in the source.</summary>
    Missing,

    /// <summary>A <c>transaction:false</c> section started and did not finish (history status running or reverting).</summary>
    Interrupted,
}
