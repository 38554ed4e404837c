using Strata.Core.Execution.Batching;
using Strata.Core.History;
using Strata.Core.Migrations;
using Strata.Core.Sql;

namespace Strata.Core.Execution;

/// <summary>The state of a <c>transaction:false</c> migration that started and did not finish.</summary>
/// <param name="Version">The migration's version.</param>
/// <param name="Description">The migration's description.</param>
/// <param name="Source">Its file, or null when the file is missing.</param>
/// <param name="Status">Running (an interrupted up) or reverting (an interrupted down).</param>
/// <param name="StartedAt">When the section started.</param>
/// <param name="StatementsCompleted">How many statements completed, in order.</param>
/// <param name="StatementsTotal">How many statements the section has.</param>
/// <param name="CompletedStatements">The statements that completed (empty when the file is missing).</param>
/// <param name="NextStatement">The statement that did not complete, or null when every statement did or the file is missing.</param>
/// <param name="InvalidIndexes">Invalid indexes named by the section's <c>CREATE INDEX CONCURRENTLY</c> statements.</param>
/// <param name="FileEdited">Whether the file changed since the section started, so statement numbers may not match it.</param>
/// <param name="Backfill">The progress of the batched statement it stopped in, or null when it did not stop in one.</param>
internal sealed record InterruptedMigration(
    MigrationVersion Version,
    string Description,
    string? Source,
    HistoryStatus Status,
    DateTimeOffset StartedAt,
    int StatementsCompleted,
    int StatementsTotal,
    IReadOnlyList<SqlStatement> CompletedStatements,
    SqlStatement? NextStatement,
    IReadOnlyList<InvalidIndex> InvalidIndexes,
    bool FileEdited,
    BackfillProgress? Backfill = null)
{
    /// <summary>The invalid indexes it left, for people, or null when it left none.</summary>
    public string? InvalidIndexesNote => InvalidIndexes.Count == 0 ? null : $"invalid index(es) left behind: {string.Join(", ", InvalidIndexes)}";
}
