using Strata.Lint;

namespace Strata.Cli.Commands.Report;

/// <summary>One migration as the report shows it: the file, the history row and, when pending, what lint found.</summary>
/// <param name="Version">The migration's version.</param>
/// <param name="Description">Its description.</param>
/// <param name="File">The file, relative to the working directory where it is inside it; null when missing.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="History">Who applied it, when and how long it took; null when it was never recorded.</param>
internal sealed record ReportMigration(string Version, string Description, string? File, ReportStatus Status, ReportHistory? History)
{
    /// <summary>The deployment phase it ran in, or its file declares (<c>pre</c> or <c>post</c>); null when unknown.</summary>
    public string? Phase { get; init; }

    /// <summary>A failed migration that stopped in its batched backfill, which <c>strata up</c> resumes; repair resolves any other.</summary>
    public bool ResumesBackfill { get; init; }

    /// <summary>For a running migration, the run that holds the migration lock, in words (as <c>status</c> names it).</summary>
    public string? RunningBy { get; init; }

    /// <summary>What lint found in it (pending migrations only).</summary>
    public IReadOnlyList<LintFinding> Findings { get; init; } = [];

    /// <summary>The locks the dynamic lint saw its statements take on existing tables (pending migrations only).</summary>
    public IReadOnlyList<ReportLock> Locks { get; init; } = [];

    /// <summary>The name people know it by: <c>1004_add_index</c>.</summary>
    public string Name => $"{Version}_{Description}";
}
