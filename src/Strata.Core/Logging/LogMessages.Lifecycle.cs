using Microsoft.Extensions.Logging;

namespace Strata.Core.Logging;

/// <summary>Log messages of the database lifecycle commands (event ids 1500-1599).</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Maintenance database {Missing} does not exist on this server; using {Fallback}")]
    public static partial void MaintenanceDatabaseFallback(ILogger logger, string missing, string fallback);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Database {Database} already exists on {Server}; nothing to create")]
    public static partial void DatabaseAlreadyExists(ILogger logger, string database, string server);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Created database {Database} on {Server}")]
    public static partial void DatabaseCreated(ILogger logger, string database, string server);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Database {Database} does not exist on {Server}; nothing to drop")]
    public static partial void DatabaseAlreadyAbsent(ILogger logger, string database, string server);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "Dropped database {Database} on {Server}")]
    public static partial void DatabaseDropped(ILogger logger, string database, string server);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information, Message = "No seed files (*.sql) in {Directory}; nothing to seed")]
    public static partial void NoSeedFiles(ILogger logger, string directory);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Debug, Message = "Running seed {File} ({Statements} statements)")]
    public static partial void SeedStarting(ILogger logger, string file, int statements);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Information, Message = "Seeded {File} in {Milliseconds} ms")]
    public static partial void SeedApplied(ILogger logger, string file, long milliseconds);

    [LoggerMessage(EventId = 1508, Level = LogLevel.Information, Message = "Database {Database} accepts connections (attempt {Attempt})")]
    public static partial void DatabaseReady(ILogger logger, string database, int attempt);

    [LoggerMessage(EventId = 1509, Level = LogLevel.Debug, Message = "Database {Database} is not ready yet (attempt {Attempt}): {Problem}")]
    public static partial void DatabaseNotReady(ILogger logger, string database, int attempt, string problem);

    [LoggerMessage(EventId = 1510, Level = LogLevel.Debug, Message = "Dumping the schema of {Database} with {PgDump} (version {Version})")]
    public static partial void DumpingSchema(ILogger logger, string database, string pgDump, int version);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Debug, Message = "Schema dump {File}: {Rows} history rows, changed: {Changed}")]
    public static partial void SchemaDumped(ILogger logger, string file, int rows, bool changed);

    [LoggerMessage(EventId = 1512, Level = LogLevel.Information, Message = "Loading {File} into {Database} ({Statements} statements, one transaction)")]
    public static partial void LoadingSchema(ILogger logger, string file, string database, int statements);

    [LoggerMessage(EventId = 1513, Level = LogLevel.Debug, Message = "Starting {Psql} (version {Version}) on database {Database}")]
    public static partial void StartingPsql(ILogger logger, string psql, int version, string database);

    [LoggerMessage(EventId = 1514, Level = LogLevel.Information, Message = "Not seeding: {Reason}")]
    public static partial void SeedsSkipped(ILogger logger, string reason);

    [LoggerMessage(EventId = 1515, Level = LogLevel.Information, Message = "Dropped the scratch database {Database}, created {CreatedUtc:u} by a run that did not finish")]
    public static partial void ScratchDatabaseSwept(ILogger logger, string database, DateTime createdUtc);

    [LoggerMessage(EventId = 1516, Level = LogLevel.Debug, Message = "Left the scratch database {Database}, which a run that did not finish seems to have left: {Reason}")]
    public static partial void ScratchDatabaseKept(ILogger logger, string database, string reason);

    [LoggerMessage(EventId = 1517, Level = LogLevel.Warning, Message = "The scratch database was built without the target's default for {Setting}, which the scratch server refused: {Reason}")]
    public static partial void ScratchDefaultRefused(ILogger logger, string setting, string reason);
}
