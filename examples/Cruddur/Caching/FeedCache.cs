using System.Net;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Cruddur.Caching;

/// <summary>
/// The home feed's pages in Redis, when <see cref="FeedCacheOptions.Redis"/> is set. Never fails a request: when
/// Redis is unreachable or slow, reads report <see cref="CachedPage.Unusable"/> and the caller reads the database.
/// Connects in the background when the host starts and reconnects by itself; requests never wait for a connection.
/// </summary>
public sealed class FeedCache : IHostedService, IAsyncDisposable
{
    private static readonly RedisKey[] Keys = [FeedCacheScripts.GenerationKey, FeedCacheScripts.PagesKey];
    private readonly FeedCacheOptions _options;
    private readonly ILogger<FeedCache> _logger;
    private Task<ConnectionMultiplexer?>? _connecting;

    // Set when an invalidation could not reach Redis: the cache may hold pages older than that write, so it is
    // emptied before it is read again.
    private int _invalidationPending;

    /// <summary>Creates the cache from its options; it connects when the host starts.</summary>
    public FeedCache(IOptions<FeedCacheOptions> options, ILogger<FeedCache> logger)
    {
        _options = options.Value;
        _logger = logger;
        Endpoint = _options.IsEnabled ? Describe(ConfigurationOptions.Parse(_options.Redis!)) : null;
    }

    /// <summary>Whether the cache is configured.</summary>
    public bool IsEnabled => _options.IsEnabled;

    /// <summary>The Redis endpoint(s), for logs and the health check; never includes the password.</summary>
    public string? Endpoint { get; }

    /// <summary>The connection, when one has been established and is up now.</summary>
    internal IConnectionMultiplexer? Connection =>
        _connecting is { IsCompletedSuccessfully: true } task && task.Result is { IsConnected: true } redis ? redis : null;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.IsEnabled)
        {
            _connecting = ConnectAsync();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads one page, keyed by <paramref name="field"/>.</summary>
    public async Task<CachedPage> ReadAsync(string field)
    {
        if (Connection is not { } redis || !await CatchUpAsync(redis))
        {
            return CachedPage.Unusable;
        }

        try
        {
            var answer = (RedisResult[])(await Database(redis).ScriptEvaluateAsync(FeedCacheScripts.Read, Keys, [field]).WaitAsync(_options.Timeout))!;
            var generation = (long)answer[0];
            var page = (byte[]?)answer[1];
            return page is null || !FeedCacheEntry.TryOpen(page, DateTimeOffset.UtcNow, out var json)
                ? new CachedPage(true, generation, null)
                : new CachedPage(true, generation, json);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            FeedCacheLog.CallFailed(_logger, "read", ex.GetType().Name);
            return CachedPage.Unusable;
        }
    }

    /// <summary>Stores a page read from the database, unless a write happened since <paramref name="read"/>.</summary>
    public async Task StoreAsync(CachedPage read, string field, byte[] entry)
    {
        if (!read.Usable || Connection is not { } redis)
        {
            return;
        }

        try
        {
            var seconds = (long)Math.Max(1, Math.Ceiling(_options.TimeToLive.TotalSeconds));
            await Database(redis).ScriptEvaluateAsync(FeedCacheScripts.Store, Keys, [read.Generation, field, entry, seconds]).WaitAsync(_options.Timeout);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            FeedCacheLog.CallFailed(_logger, "store", ex.GetType().Name);
        }
    }

    /// <summary>Empties the cache after a write that changes the feed; if Redis cannot be reached, it is emptied before its next use.</summary>
    public async Task InvalidateAsync()
    {
        if (!_options.IsEnabled)
        {
            return;
        }

        Volatile.Write(ref _invalidationPending, 1);
        if (Connection is { } redis)
        {
            await CatchUpAsync(redis);
        }
    }

    /// <summary>Asks Redis for a PING within the timeout; null when it cannot be reached.</summary>
    public async Task<TimeSpan?> PingAsync()
    {
        if (Connection is not { } redis)
        {
            return null;
        }

        try
        {
            return await Database(redis).PingAsync().WaitAsync(_options.Timeout);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connecting is { } connecting && await connecting is { } redis)
        {
            await redis.DisposeAsync();
        }
    }

    // Runs a pending invalidation; false when it could not, and the cache must not be used.
    private async Task<bool> CatchUpAsync(IConnectionMultiplexer redis)
    {
        if (Volatile.Read(ref _invalidationPending) == 0)
        {
            return true;
        }

        try
        {
            // Cleared first: a write that lands while this runs sets it again and is not lost.
            Volatile.Write(ref _invalidationPending, 0);
            await Database(redis).ScriptEvaluateAsync(FeedCacheScripts.Invalidate, Keys).WaitAsync(_options.Timeout);
            return true;
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            Volatile.Write(ref _invalidationPending, 1);
            FeedCacheLog.CallFailed(_logger, "invalidate", ex.GetType().Name);
            return false;
        }
    }

    private async Task<ConnectionMultiplexer?> ConnectAsync()
    {
        var configuration = ConfigurationOptions.Parse(_options.Redis!);
        // Reconnect in the background instead of failing start-up, and fail calls at once while disconnected
        // rather than queueing them: a request must not wait for Redis to come back.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = (int)Math.Max(1000, _options.Timeout.TotalMilliseconds * 4);
        configuration.AsyncTimeout = (int)Math.Max(1, _options.Timeout.TotalMilliseconds);
        try
        {
            var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
            redis.ConnectionFailed += (_, e) => FeedCacheLog.Lost(_logger, Endpoint!, e.FailureType.ToString());
            redis.ConnectionRestored += (_, _) => FeedCacheLog.Restored(_logger, Endpoint!);
            FeedCacheLog.Configured(_logger, Endpoint!, redis.IsConnected, _options.TimeToLive.TotalSeconds);
            return redis;
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            FeedCacheLog.Lost(_logger, Endpoint!, ex.GetType().Name);
            return null;
        }
    }

    private static IDatabase Database(IConnectionMultiplexer redis) => redis.GetDatabase();

    private static bool IsRedisFailure(Exception exception) => exception is RedisException or TimeoutException or System.Net.Sockets.SocketException;

    private static string Describe(ConfigurationOptions configuration) =>
        string.Join(",", configuration.EndPoints.Select(e => e switch
        {
            DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
            _ => e.ToString() ?? "",
        }));
}
