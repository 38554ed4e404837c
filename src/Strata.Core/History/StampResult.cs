using Strata.Core.Migrations;

namespace Strata.Core.History;

/// <summary>The result of <c>stamp</c>, <c>unstamp</c> or <c>baseline</c>: what was written to the history table.</summary>
/// <param name="Origin">The marker written on new rows (<see cref="HistoryOrigin.Stamp"/> or <see cref="HistoryOrigin.Baseline"/>).</param>
/// <param name="Recorded">The versions recorded as applied without running.</param>
/// <param name="Removed">The versions whose rows were removed (unstamp).</param>
/// <param name="AlreadyRecorded">The versions that were already recorded and were left as they were.</param>
internal sealed record StampResult(
    HistoryOrigin Origin,
    IReadOnlyList<MigrationVersion> Recorded,
    IReadOnlyList<MigrationVersion> Removed,
    IReadOnlyList<MigrationVersion> AlreadyRecorded);
