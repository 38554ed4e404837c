using Strata.Core.Migrations;

namespace Strata.Core.History;

/// <summary>One row of the history table.</summary>
/// <param name="Version">The migration's version.</param>
/// <param name="Description">The migration's description when it was recorded.</param>
/// <param name="Checksum">The checksum of the file when it was recorded (or accepted).</param>
/// <param name="Status">Applied, or interrupted while running up or down.</param>
/// <param name="StatementsCompleted">How many statements of the running section completed; equals the total once applied.</param>
/// <param name="StatementsTotal">How many statements the running (or applied up) section has.</param>
/// <param name="AppliedAt">When the row was last written as applied, or when the interrupted section started.</param>
/// <param name="AppliedBy">The database role that applied it (<c>current_user</c>).</param>
/// <param name="ClientHost">The host name of the machine that ran Strata.</param>
/// <param name="StrataVersion">The version of Strata that wrote the row.</param>
/// <param name="ExecutionTime">How long the migration ran; null for recorded-only and interrupted rows.</param>
/// <param name="Origin">How the row came to be.</param>
public sealed record HistoryRecord(
    MigrationVersion Version,
    string Description,
    MigrationChecksum Checksum,
    HistoryStatus Status,
    int StatementsCompleted,
    int StatementsTotal,
    DateTimeOffset AppliedAt,
    string AppliedBy,
    string? ClientHost,
    string StrataVersion,
    TimeSpan? ExecutionTime,
    HistoryOrigin Origin)
{
    /// <summary>The phase the migration ran in (<see cref="MigrationPhase.Pre"/> for rows written before phases existed).</summary>
    public MigrationPhase Phase { get; init; } = MigrationPhase.Pre;
}
