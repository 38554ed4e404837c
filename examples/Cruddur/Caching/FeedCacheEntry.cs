using System.Buffers.Binary;

namespace Cruddur.Caching;

/// <summary>
/// A cached page as Redis holds it: the moment it stops being valid (the earliest expiry among its activities,
/// since an expired activity leaves the feed without any write), as milliseconds since 1970 UTC, then the page's JSON.
/// </summary>
public static class FeedCacheEntry
{
    private const int Header = sizeof(long);

    /// <summary>Builds an entry from the page's JSON and the moment it stops being valid (null: never by itself).</summary>
    public static byte[] Create(ReadOnlySpan<byte> json, DateTimeOffset? validUntil)
    {
        var entry = new byte[Header + json.Length];
        BinaryPrimitives.WriteInt64BigEndian(entry, validUntil?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        json.CopyTo(entry.AsSpan(Header));
        return entry;
    }

    /// <summary>The page's JSON, when <paramref name="entry"/> is well formed and still valid at <paramref name="now"/>.</summary>
    public static bool TryOpen(byte[] entry, DateTimeOffset now, out ReadOnlyMemory<byte> json)
    {
        json = default;
        if (entry.Length <= Header || BinaryPrimitives.ReadInt64BigEndian(entry) <= now.ToUnixTimeMilliseconds())
        {
            return false;
        }

        json = entry.AsMemory(Header);
        return true;
    }
}
