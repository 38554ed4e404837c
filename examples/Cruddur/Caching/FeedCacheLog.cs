namespace Cruddur.Caching;

/// <summary>The feed cache's log messages. Only changes of state are logged at Warning or above, never each request.</summary>
internal static partial class FeedCacheLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Home feed cache: Redis at {Endpoint}, connected: {Connected}, pages live at most {Seconds} s")]
    public static partial void Configured(ILogger logger, string endpoint, bool connected, double seconds);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Home feed cache: Redis at {Endpoint} is unreachable ({Reason}); the feed is read from the database until it is back")]
    public static partial void Lost(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Home feed cache: Redis at {Endpoint} is reachable again")]
    public static partial void Restored(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Home feed cache: a Redis {Operation} failed ({Reason}); the request used the database")]
    public static partial void CallFailed(ILogger logger, string operation, string reason);
}
