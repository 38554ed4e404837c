using Microsoft.Extensions.Logging;

namespace Strata.Core.Logging;

/// <summary>Log messages of batched backfills: event ids 1360-1369.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1360, Level = LogLevel.Information, Message = "Migration {Migration}: backfilling {Table} by {Key} in batches of {Size} keys (about {RowsTotal} rows)")]
    public static partial void BackfillStarting(this ILogger logger, string migration, string table, string key, int size, long rowsTotal);

    [LoggerMessage(EventId = 1361, Level = LogLevel.Information, Message = "Migration {Migration}: resuming the backfill of {Table} after key {LastKey} ({RowsDone} rows done in {Batches} batches)")]
    public static partial void BackfillResuming(this ILogger logger, string migration, string table, string lastKey, long rowsDone, int batches);

    [LoggerMessage(EventId = 1362, Level = LogLevel.Information, Message = "Migration {Migration}: backfill of {Table}: {RowsDone} of about {RowsTotal} rows ({Percent:0}%), {RowsChanged} changed, {RowsPerSecond:0} rows/s, about {SecondsLeft:0} s left")]
    public static partial void BackfillProgress(
        this ILogger logger, string migration, string table, long rowsDone, long rowsTotal, double percent, long rowsChanged, double rowsPerSecond, double secondsLeft);

    [LoggerMessage(EventId = 1363, Level = LogLevel.Information, Message = "Migration {Migration}: backfill of {Table} done: {RowsDone} rows in {Batches} batches, {RowsChanged} changed")]
    public static partial void BackfillCompleted(this ILogger logger, string migration, string table, long rowsDone, int batches, long rowsChanged);

    // The same event as 1363 for a backfill an earlier run had committed batches of: the rows changed in all are a lower
    // bound, as each batch's count is recorded with the next batch and the last batch before an interruption has none.
    [LoggerMessage(EventId = 1364, EventName = nameof(BackfillCompleted), Level = LogLevel.Information, Message = "Migration {Migration}: backfill of {Table} done: {RowsDone} rows in {Batches} batches, {RowsChangedThisRun} changed in this run and at least {RowsChanged} in all (the last batch of each interrupted run is not counted)")]
    public static partial void BackfillCompletedAfterResume(this ILogger logger, string migration, string table, long rowsDone, int batches, long rowsChangedThisRun, long rowsChanged);

    [LoggerMessage(EventId = 1365, Level = LogLevel.Information, Message = "Migration {Migration}: running statement {Index} (line {Line}) again, a session setting the backfill it resumes ran under")]
    public static partial void ReplayingSessionSetting(this ILogger logger, string migration, int index, int line);
}
