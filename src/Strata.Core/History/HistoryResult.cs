using Strata.Core.Configuration;

namespace Strata.Core.History;

/// <summary>The result of <c>history</c>: the history rows in the order they were applied.</summary>
/// <param name="Table">The history table that was read.</param>
/// <param name="TableExists">Whether the history table exists yet.</param>
/// <param name="Records">The rows, oldest first.</param>
internal sealed record HistoryResult(HistoryTableName Table, bool TableExists, IReadOnlyList<HistoryRecord> Records);
