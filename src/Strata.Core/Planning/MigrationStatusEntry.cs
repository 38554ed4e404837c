using Strata.Core.History;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>One line of <c>status</c>.</summary>
/// <param name="Version">The migration's version.</param>
/// <param name="Description">The description from the file, or from the history row when the file is missing.</param>
/// <param name="Source">The file (or embedded resource), or null when it is missing.</param>
/// <param name="State">Where the migration stands.</param>
/// <param name="History">The history row, or null when the migration was never recorded.</param>
public sealed record MigrationStatusEntry(MigrationVersion Version, string Description, string? Source, MigrationState State, HistoryRecord? History)
{
    /// <summary>The phase it ran in when recorded, otherwise the phase its file declares.</summary>
    public MigrationPhase Phase { get; init; } = MigrationPhase.Pre;

    /// <summary>
    /// For an interrupted migration, how far it got, for people: statements done, the batched statement's progress,
    /// invalid indexes it left, and whether a run holds the migration lock now (it is then most likely still going).
    /// Null in every other state.
    /// </summary>
    public string? Progress { get; init; }

    /// <summary>
    /// For an interrupted migration while a run holds the migration lock: that run, in words (pid, user, application,
    /// client, since). It is then most likely still running the migration, which has not stopped: nothing to repair.
    /// Null when no run holds the lock, and in every other state.
    /// </summary>
    public string? RunningBy { get; init; }

    /// <summary>
    /// For an interrupted migration, whether <c>up</c> resumes it: it stopped in its batched backfill and its file is
    /// unchanged. Any other interrupted migration is resolved with <c>repair</c>.
    /// </summary>
    public bool ResumesBackfill { get; init; }
}
