using System.Text.Json;
using Cruddur.Caching;
using Cruddur.Serialization;

namespace Cruddur.Activities;

/// <summary>
/// Serves home feed pages: from the Redis cache when it is enabled and holds the page, else from the database (and
/// then into the cache). Writes that change the feed call <see cref="ChangedAsync"/>.
/// </summary>
public sealed class HomeFeed(ActivityStore store, FeedCache cache)
{
    /// <summary>One page, as the API answers it.</summary>
    public async Task<IResult> PageAsync(int limit, FeedCursor? before, CancellationToken cancellationToken)
    {
        if (!cache.IsEnabled)
        {
            return TypedResults.Ok(await store.FeedAsync(limit, before, cancellationToken));
        }

        var field = before is { } cursor ? $"{limit}:{cursor.Encode()}" : $"{limit}:";
        var cached = await cache.ReadAsync(field);
        if (cached.Json is { } hit)
        {
            return new JsonPageResult(hit);
        }

        var page = await store.FeedAsync(limit, before, cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(page, CruddurJsonContext.Default.FeedPage);
        await cache.StoreAsync(cached, field, FeedCacheEntry.Create(json, ValidUntil(page)));
        return new JsonPageResult(json);
    }

    /// <summary>Called after every write that changes what the feed shows.</summary>
    public Task ChangedAsync() => cache.InvalidateAsync();

    // The first activity on the page to expire leaves the feed at that moment, with no write to announce it.
    private static DateTimeOffset? ValidUntil(FeedPage page)
    {
        DateTime? earliest = null;
        foreach (var item in page.Items)
        {
            if (item.ExpiresAt is { } expires && (earliest is null || expires < earliest))
            {
                earliest = expires;
            }
        }

        return earliest is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }
}
