namespace Cruddur.Caching;

/// <summary>
/// What the cache answered for one page: whether it can be used at all (Redis reachable), the cache generation it
/// was read under (a page read from the database may be stored only if no write happened since), and the page's JSON
/// when it was there.
/// </summary>
public readonly record struct CachedPage(bool Usable, long Generation, ReadOnlyMemory<byte>? Json)
{
    /// <summary>Redis cannot be used for this request: read the database and store nothing.</summary>
    public static CachedPage Unusable => new(false, 0, null);
}
