using Microsoft.Extensions.Logging;

namespace Strata.AspNetCore.Logging;

/// <summary>Log messages of Strata.AspNetCore: event ids 1600-1699.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information,
        Message = "Strata data source for {DisplayUrl} from {Source}: application_name {ApplicationName}, pool {MinSize}..{MaxSize}, connection lifetime {Lifetime}, {Commands}; migrations from {Migrations}")]
    public static partial void DataSourceReady(
        this ILogger logger, string displayUrl, string source, string applicationName, string minSize, string maxSize, string lifetime, string commands, string migrations);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning,
        Message = "The NpgsqlDataSource was requested before the host started; blocking this thread until Strata has resolved the database")]
    public static partial void BlockingUntilResolved(this ILogger logger);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Critical,
        Message = "Strata could not set up the database ({Code}): {Reason}; the app will not start")]
    public static partial void SetupFailed(this ILogger logger, string code, string reason);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information,
        Message = "Strata settings: {Settings}")]
    public static partial void SettingsResolved(this ILogger logger, string settings);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Critical,
        Message = "Strata's configuration is invalid: {Problems}; the app will not start")]
    public static partial void OptionsInvalid(this ILogger logger, string problems);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Warning,
        Message = "Start-up cancelled while {Step}: the host was told to stop (Ctrl-C or SIGTERM); the app stops without serving requests")]
    public static partial void StartCancelled(this ILogger logger, string step);

    [LoggerMessage(EventId = 1610, Level = LogLevel.Information,
        Message = "Migrate on start: applying pending migrations from {Migrations} before the app accepts requests")]
    public static partial void MigrateOnStartBeginning(this ILogger logger, string migrations);

    [LoggerMessage(EventId = 1611, Level = LogLevel.Information,
        Message = "Migrate on start: applied {Count} migration(s) ({Versions}) in {ElapsedMs} ms")]
    public static partial void MigrateOnStartApplied(this ILogger logger, int count, string versions, long elapsedMs);

    [LoggerMessage(EventId = 1612, Level = LogLevel.Information,
        Message = "Migrate on start: nothing to apply; the database already has every migration the app ships")]
    public static partial void MigrateOnStartUpToDate(this ILogger logger);

    [LoggerMessage(EventId = 1613, Level = LogLevel.Critical,
        Message = "Migrate on start failed ({Code}): {Reason}; {Consequence}")]
    public static partial void MigrateOnStartFailed(this ILogger logger, string code, string reason, string consequence);

    [LoggerMessage(EventId = 1614, Level = LogLevel.Warning,
        Message = "Migrate on start: the database is not reachable yet (attempt {Attempt}, {ElapsedSeconds:0.#} s of {LimitSeconds:0.#} s): {Reason}; trying again in {PauseMs} ms")]
    public static partial void DatabaseNotReachableYet(this ILogger logger, int attempt, double elapsedSeconds, double limitSeconds, string reason, long pauseMs);

    [LoggerMessage(EventId = 1615, Level = LogLevel.Information,
        Message = "Migrate on start: the database answered after {Attempt} attempt(s) in {ElapsedSeconds:0.#} s")]
    public static partial void DatabaseReachable(this ILogger logger, int attempt, double elapsedSeconds);

    [LoggerMessage(EventId = 1620, Level = LogLevel.Debug,
        Message = "Readiness: database reachable {Reachable}, applied {Applied}, expected {Expected}, pending {Pending}: {Problem}")]
    public static partial void ReadinessChecked(this ILogger logger, bool reachable, string applied, string expected, int pending, string problem);
}
