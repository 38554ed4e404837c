using Strata.Core.History;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>A version with its migration file and its history row, either of which may be absent.</summary>
internal sealed record LedgerEntry(MigrationVersion Version, Migration? Migration, HistoryRecord? Record, MigrationState State)
{
    public string Id => MigrationNames.Id(Version, Migration?.Description ?? Record?.Description ?? string.Empty);

    public Migration File => Migration ?? throw new InvalidOperationException($"Migration {Id} has no file.");
}
