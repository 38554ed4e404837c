namespace Cruddur.Caching;

/// <summary>
/// The cache's Redis scripts. All keys share the hash tag {cruddur:feed}, so they live in one slot and the scripts
/// also run on a clustered Redis. The generation counter closes the race between a read that misses and a write: a
/// page read from the database before a write is stored only if the generation it was read under is still current.
/// </summary>
internal static class FeedCacheScripts
{
    public const string GenerationKey = "{cruddur:feed}:generation";
    public const string PagesKey = "{cruddur:feed}:pages";

    /// <summary>KEYS: generation, pages. ARGV: page field. Returns { generation, page or nil }.</summary>
    public const string Read = """
        return { redis.call('GET', KEYS[1]) or '0', redis.call('HGET', KEYS[2], ARGV[1]) }
        """;

    /// <summary>
    /// KEYS: generation, pages. ARGV: generation read, page field, page, seconds to live. Stores the page only under
    /// an unchanged generation; the hash of pages expires that long after its first page, so no page outlives it.
    /// </summary>
    public const string Store = """
        if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
        redis.call('EXPIRE', KEYS[2], ARGV[4], 'NX')
        return 1
        """;

    /// <summary>KEYS: generation, pages. A new generation, and no pages.</summary>
    public const string Invalidate = """
        redis.call('INCR', KEYS[1])
        redis.call('DEL', KEYS[2])
        return 1
        """;
}
