namespace Cruddur.Caching;

/// <summary>
/// The optional Redis cache of the home feed, from the <c>Cruddur:Cache</c> configuration section. Off unless
/// <see cref="Redis"/> is set.
/// </summary>
public sealed class FeedCacheOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "Cruddur:Cache";

    /// <summary>
    /// The Redis server in StackExchange.Redis's syntax (<c>host:6379</c>, optionally <c>,ssl=true,password=…</c>);
    /// empty turns the cache off.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// The longest a cached page is served. Every write to the feed through the app empties the cache, so this only
    /// bounds staleness the app cannot see: a write made while Redis was unreachable, or one made by another process.
    /// </summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one Redis call may take before the request gives up on the cache and reads the database.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Whether the cache is configured.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Redis);
}
