using Microsoft.Extensions.Logging;

namespace Strata.Core.Logging;

/// <summary>Log messages of the migration engine: event ids 1300-1499.</summary>
internal static partial class LogMessages
{
    /// <summary>The event id of "Running migration": a front end that sums up a run may drop these lines.</summary>
    public const int MigrationStartingEvent = 1330;

    /// <summary>The event id of "Ran migration": a front end that sums up a run may drop these lines.</summary>
    public const int MigrationCompletedEvent = 1331;

    [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Acquiring the migration lock of database {Database} for history table {HistoryTable} (advisory key {Key})")]
    public static partial void AcquiringMigrationLock(this ILogger logger, string database, string historyTable, long key);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Waiting for the migration lock of database {Database}, held by {Holder}; waited {ElapsedMs:0} ms so far")]
    public static partial void WaitingForMigrationLock(this ILogger logger, string database, string holder, double elapsedMs);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Debug, Message = "Acquired the migration lock of database {Database} (advisory key {Key}) after {ElapsedMs:0} ms")]
    public static partial void MigrationLockAcquired(this ILogger logger, string database, long key, double elapsedMs);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Debug, Message = "Released the migration lock (advisory key {Key})")]
    public static partial void MigrationLockReleased(this ILogger logger, long key);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "The migration lock (advisory key {Key}) was no longer held when it was released")]
    public static partial void MigrationLockNotHeldAtRelease(this ILogger logger, long key);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Warning, Message = "Could not release the migration lock (advisory key {Key}): {Reason}; the server releases it when the session ends")]
    public static partial void MigrationLockReleaseFailed(this ILogger logger, long key, string reason);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information, Message = "Created the history table {HistoryTable}")]
    public static partial void HistoryTableCreated(this ILogger logger, string historyTable);

    [LoggerMessage(EventId = 1343, Level = LogLevel.Information, Message = "Added the {Column} column to the history table {HistoryTable}")]
    public static partial void HistoryTableUpgraded(this ILogger logger, string historyTable, string column);

    [LoggerMessage(EventId = 1320, Level = LogLevel.Warning, Message = "Could not roll back the failed migration's transaction: {Reason}")]
    public static partial void RollbackFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1326, Level = LogLevel.Warning, Message = "Could not reset the connection's lock_timeout, statement_timeout and synchronous_commit after the run stopped: {Reason}")]
    public static partial void SessionSettingsNotReset(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1375, Level = LogLevel.Warning, Message = "The server had not flushed the run's last commits to disk {Seconds:0.#} s after the run stopped: a server crash now could undo the last migrations reported applied, each with its history row")]
    public static partial void CommitsNotFlushed(this ILogger logger, double seconds);

    [LoggerMessage(EventId = 1321, Level = LogLevel.Warning, Message = "Migration {Migration} hit lock_timeout on attempt {Attempt} of {Attempts} ({Reason}); retrying in {PauseMs:0} ms")]
    public static partial void LockTimeoutRetrying(this ILogger logger, string migration, int attempt, int attempts, string reason, double pauseMs);

    [LoggerMessage(EventId = 1322, Level = LogLevel.Warning, Message = "Migration {Migration} hit lock_timeout on attempt {Attempt} of {Attempts} ({Reason}); giving up")]
    public static partial void LockTimeoutGaveUp(this ILogger logger, string migration, int attempt, int attempts, string reason);

    [LoggerMessage(EventId = 1323, Level = LogLevel.Debug, Message = "Migration {Migration}: running statement {Index} of {Total} (line {Line})")]
    public static partial void RunningStatement(this ILogger logger, string migration, int index, int total, int line);

    [LoggerMessage(EventId = 1324, Level = LogLevel.Warning, Message = "Migration {Migration} was cancelled after {Completed} of {Total} statements; it stays recorded as interrupted until repaired")]
    public static partial void NonTransactionalCancelled(this ILogger logger, string migration, int completed, int total);

    [LoggerMessage(EventId = 1325, Level = LogLevel.Warning, Message = "Migration {Migration}: dropping invalid index {Index} left by an earlier failed CREATE INDEX CONCURRENTLY, to build it again")]
    public static partial void DroppingInvalidIndex(this ILogger logger, string migration, string index);

    [LoggerMessage(EventId = MigrationStartingEvent, Level = LogLevel.Information, Message = "Running migration {Migration} {Direction} ({Mode})")]
    public static partial void MigrationStarting(this ILogger logger, string migration, string direction, string mode);

    [LoggerMessage(EventId = MigrationCompletedEvent, Level = LogLevel.Information, Message = "Ran migration {Migration} {Direction} in {ElapsedMs:0.0} ms ({Attempts} attempt(s))")]
    public static partial void MigrationCompleted(this ILogger logger, string migration, string direction, double elapsedMs, int attempts);

    [LoggerMessage(EventId = 1332, Level = LogLevel.Information, Message = "Nothing to run {Direction}: the database is at the requested version")]
    public static partial void NothingToRun(this ILogger logger, string direction);

    [LoggerMessage(EventId = 1333, Level = LogLevel.Warning, Message = "Applying migration {Migration} out of order: it is older than the newest applied migration")]
    public static partial void ApplyingOutOfOrder(this ILogger logger, string migration);

    [LoggerMessage(EventId = 1334, Level = LogLevel.Warning, Message = "Accepting the edited migration {Migration}: its recorded checksum is replaced by the file's ({Checksum})")]
    public static partial void AcceptingEdited(this ILogger logger, string migration, string checksum);

    [LoggerMessage(EventId = 1335, Level = LogLevel.Warning, Message = "Migration {Migration} is recorded as applied but its file is missing")]
    public static partial void AppliedMigrationMissing(this ILogger logger, string migration);

    [LoggerMessage(EventId = 1340, Level = LogLevel.Information, Message = "Recorded migration {Migration} as applied without running it ({Origin})")]
    public static partial void MigrationRecorded(this ILogger logger, string migration, string origin);

    [LoggerMessage(EventId = 1341, Level = LogLevel.Warning, Message = "Removed the history row of migration {Migration} without running its down section")]
    public static partial void MigrationUnrecorded(this ILogger logger, string migration);

    [LoggerMessage(EventId = 1342, Level = LogLevel.Warning, Message = "Repaired interrupted migration {Migration} ({Action}): {Outcome}")]
    public static partial void MigrationRepaired(this ILogger logger, string migration, string action, string outcome);
}
