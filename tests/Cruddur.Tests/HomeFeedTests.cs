using System.Net;
using System.Text.Json;
using Cruddur.Tests.Support;
using Npgsql;

namespace Cruddur.Tests;

public sealed class HomeFeedTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncLifetime
{
    private static readonly DateTime Base = new(2020, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    // 25 activities on 9 distinct timestamps, so pages must split ties by uuid.
    public async Task InitializeAsync()
    {
        var handle = Api.NewHandle("feed");
        (await Api.PostAsync(app.Client, "/api/users", new { displayName = "Feed Author", handle })).Status.ShouldBe(HttpStatusCode.Created);
        await using var insert = app.Database.DataSource.CreateCommand("""
            INSERT INTO activities (user_uuid, content, created_at)
            SELECT u.uuid, 'feed message ' || n, $1 + ((n % 9) * interval '1 millisecond') + ((n % 9) * interval '7 microseconds')
            FROM users u, generate_series(1, 25) AS n
            WHERE u.handle = $2
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = Base, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new NpgsqlParameter { Value = handle });
        (await insert.ExecuteNonQueryAsync()).ShouldBe(25);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pages_the_feed_newest_first_with_a_cursor_and_neither_skips_nor_repeats()
    {
        var expected = await FeedOrderFromDatabaseAsync();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Api.GetAsync(app.Client, "/api/activities/home?limit=10" + (cursor is null ? "" : $"&before={cursor}"));
            page.Status.ShouldBe(HttpStatusCode.OK);
            var items = page.Body.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBeLessThanOrEqualTo(10);
            items.ShouldAllBe(i => i.GetProperty("displayName").GetString() != null && i.GetProperty("handle").GetString() != null);
            seen.AddRange(items.Select(i => i.GetProperty("uuid").GetString()!));
            cursor = page.Body.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        seen.ShouldBe(expected);
        pages.ShouldBe((expected.Count + 9) / 10);
    }

    [Fact]
    public async Task A_page_fetched_with_a_cursor_is_unaffected_by_newer_activities()
    {
        var first = await Api.GetAsync(app.Client, "/api/activities/home?limit=5");
        var cursor = first.Body.GetProperty("nextCursor").GetString();
        var second = await Api.GetAsync(app.Client, $"/api/activities/home?limit=5&before={cursor}");

        var author = Api.NewHandle("late");
        (await Api.PostAsync(app.Client, "/api/users", new { displayName = "Late", handle = author })).Status.ShouldBe(HttpStatusCode.Created);
        (await Api.PostAsync(app.Client, "/api/activities", new { handle = author, message = "newer than everything" })).Status.ShouldBe(HttpStatusCode.Created);
        var again = await Api.GetAsync(app.Client, $"/api/activities/home?limit=5&before={cursor}");

        Uuids(again).ShouldBe(Uuids(second));
        Uuids(second).ShouldNotContain(Uuids(first)[0]);
    }

    [Fact]
    public async Task The_first_page_defaults_to_20_items()
    {
        var page = await Api.GetAsync(app.Client, "/api/activities/home");

        page.Body.GetProperty("items").GetArrayLength().ShouldBe(20);
        page.Body.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("before=garbage", "before")]
    [InlineData("before=AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "before")]
    [InlineData("before=AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "before")]
    public async Task Refuses_a_bad_limit_or_cursor_with_a_field_error(string query, string field)
    {
        var answer = await Api.GetAsync(app.Client, $"/api/activities/home?{query}");

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors.Keys.ShouldBe([field]);
    }

    private static List<string> Uuids(Answer page) =>
        page.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("uuid").GetString()!).ToList();

    private async Task<List<string>> FeedOrderFromDatabaseAsync()
    {
        await using var command = app.Database.DataSource.CreateCommand(
            "SELECT uuid FROM activities WHERE expires_at IS NULL OR expires_at > now() ORDER BY created_at DESC, uuid DESC");
        await using var reader = await command.ExecuteReaderAsync();
        var uuids = new List<string>();
        while (await reader.ReadAsync())
        {
            uuids.Add(reader.GetGuid(0).ToString());
        }

        return uuids;
    }
}
