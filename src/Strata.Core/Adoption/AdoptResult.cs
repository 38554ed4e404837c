using Strata.Core.Migrations;

namespace Strata.Core.Adoption;

/// <summary>The result of <c>adopt</c>: which other tool's history was read and what was recorded in Strata's.</summary>
/// <param name="Sources">The other tools' history tables the import is based on (left untouched).</param>
/// <param name="AppliedBy">The <c>applied_by</c> value of the recorded rows: <c>adopt:&lt;tool&gt;</c>.</param>
/// <param name="Recorded">The migrations recorded as applied without running, oldest first.</param>
/// <param name="Pending">The migration files the other tool did not apply; <c>up</c> decides what to do with them.</param>
/// <param name="Skipped">Rows of the other tool's table that have no counterpart in Strata and were not imported.</param>
/// <param name="DryRun">True when nothing was written: the result says what adopt would record.</param>
internal sealed record AdoptResult(
    IReadOnlyList<ForeignHistoryTable> Sources,
    string AppliedBy,
    IReadOnlyList<MigrationVersion> Recorded,
    IReadOnlyList<MigrationVersion> Pending,
    IReadOnlyList<string> Skipped,
    bool DryRun);
