using Microsoft.Extensions.Logging;

namespace Strata.Core.Logging;

/// <summary>Log messages of the connection resolver and connector (event ids 1000-1099).</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Using database {DisplayUrl} from {Source}")]
    public static partial void ConnectionResolved(ILogger logger, string displayUrl, string source);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Chose {Source}: {Reason}")]
    public static partial void ConnectionSourceChosen(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Read configuration file {Path} (found by {FoundBy})")]
    public static partial void ConfigFileRead(ILogger logger, string path, string foundBy);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "{Path}: the database URL of environment '{Environment}' contains a password; keep passwords out of files that are committed (use fromEnvironment, passwordFile or passwordCommand)")]
    public static partial void PasswordInConfigFile(ILogger logger, string path, string environment);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Password read from {Origin}")]
    public static partial void PasswordFileRead(ILogger logger, string origin);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Running the password command from {Origin}")]
    public static partial void PasswordCommandStarting(ILogger logger, string origin);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "The password command from {Origin} returned a password")]
    public static partial void PasswordCommandSucceeded(ILogger logger, string origin);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "The password command from {Origin} failed: {Problem}")]
    public static partial void PasswordCommandFailed(ILogger logger, string origin, string problem);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Starting or finding the local PostgreSQL server")]
    public static partial void LocalServerRequested(ILogger logger);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Created database {Database} on the local server")]
    public static partial void LocalDatabaseCreated(ILogger logger, string database);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Opening a data source for {DisplayUrl}")]
    public static partial void DataSourceCreating(ILogger logger, string displayUrl);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "Could not connect to {DisplayUrl}: {Problem}")]
    public static partial void ConnectionFailed(ILogger logger, string displayUrl, string problem);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Debug,
        Message = "DB_SECRET is set; DB_USER and DB_PASSWORD are ignored because the secret supplies the credentials")]
    public static partial void DbCredentialVariablesIgnored(ILogger logger);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning,
        Message = "{UrlOrigin} wins over environment '{Environment}' ({ChosenBy}): the database and settings of that environment are not used")]
    public static partial void EnvironmentOverriddenByUrl(ILogger logger, string urlOrigin, string environment, string chosenBy);
}
