namespace Strata.Cli.Commands.Report;

/// <summary>Where a migration stands, in the words the report uses.</summary>
internal enum ReportStatus
{
    /// <summary>Recorded as applied, and the file is unchanged.</summary>
    Applied,

    /// <summary>Not applied yet.</summary>
    Pending,

    /// <summary>Not applied yet, but older than the newest applied migration.</summary>
    OutOfOrder,

    /// <summary>A <c>transaction:false</c> migration that stopped part-way: <c>strata repair</c> resolves it, or <c>strata up</c> resumes its batched backfill.</summary>
    Failed,

    /// <summary>Recorded as interrupted while a run holds the migration lock: that run is most likely still applying it.</summary>
    Running,

    /// <summary>Applied, but the file changed since: its checksum differs from the recorded one.</summary>
    ChecksumChanged,

    /// <summary>Recorded as applied, but its file is gone.</summary>
    Missing,
}
