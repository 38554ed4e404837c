using Strata.Core.History;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>A version with its migration file and its history row, either of which may be absent.</summary>
internal sealed record LedgerEntry(MigrationVersion Version, Migration? Migration, HistoryRecord? Record, MigrationState State)
{
    public string Id => MigrationNames.Id(Version, Migration?.Description ?? Record?.Description ?? string.Empty);

    public Migration File => Migration ?? throw new InvalidOperationException($"Migration {Id} has no file.");

    /// <summary>
    /// An up section interrupted at a <c>-- strata:batch</c> statement of an unedited file: the statements before it
    /// completed and the backfill recorded its committed batches, so <c>up</c> resumes it instead of refusing.
    /// </summary>
    public bool ResumesBackfill =>
        State == MigrationState.Interrupted && Record is { Status: HistoryStatus.Running } record && Migration is { } migration
        && migration.Checksum == record.Checksum && migration.Up.Batches.ContainsKey(record.StatementsCompleted);
}
