using System.Text;
using Cruddur.Caching;

namespace Cruddur.Tests;

public sealed class FeedCacheEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_page_without_expiring_activities_stays_valid()
    {
        var entry = FeedCacheEntry.Create("{\"items\":[]}"u8, validUntil: null);

        FeedCacheEntry.TryOpen(entry, DateTimeOffset.MaxValue.AddDays(-1), out var json).ShouldBeTrue();
        Encoding.UTF8.GetString(json.Span).ShouldBe("{\"items\":[]}");
    }

    [Fact]
    public void A_page_stops_being_served_when_its_first_activity_expires()
    {
        var entry = FeedCacheEntry.Create("{}"u8, Now.AddSeconds(5));

        FeedCacheEntry.TryOpen(entry, Now.AddSeconds(4.999), out _).ShouldBeTrue();
        FeedCacheEntry.TryOpen(entry, Now.AddSeconds(5), out _).ShouldBeFalse();
    }

    [Fact]
    public void A_truncated_entry_is_a_miss()
    {
        FeedCacheEntry.TryOpen([0, 0, 0], Now, out _).ShouldBeFalse();
    }
}
