using Strata.Core.Configuration;
using Strata.Core.Migrations;

namespace Strata.Core.Planning;

/// <summary>The result of <c>status</c>.</summary>
/// <param name="Table">The history table that was read.</param>
/// <param name="HistoryTableExists">Whether the history table exists yet (it does not before the first <c>up</c>).</param>
/// <param name="Migrations">Every migration in the source or the history, by version.</param>
/// <param name="CurrentVersion">The newest applied version, or null when none is applied.</param>
/// <param name="PendingCount">How many migrations are not applied yet (pending and out of order).</param>
public sealed record StatusResult(
    HistoryTableName Table,
    bool HistoryTableExists,
    IReadOnlyList<MigrationStatusEntry> Migrations,
    MigrationVersion? CurrentVersion,
    int PendingCount)
{
    /// <summary>
    /// Why <c>up</c> would refuse the pending migrations before running any of them (another tool's history records
    /// them, or the database has tables but no history), with the step that resolves it; null when it would not.
    /// </summary>
    public ValidationProblem? Refusal { get; init; }
}
