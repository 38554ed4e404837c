using System.Net;
using System.Text.Json;
using Cruddur.Tests.Support;
using Npgsql;
using StackExchange.Redis;
using Strata.Testing;

namespace Cruddur.Tests;

public sealed class FeedCacheTests
{
    private const string Feed = "/api/activities/home?limit=20";

    [Fact]
    public async Task Serves_the_cached_feed_until_a_write_through_the_app_empties_the_cache()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var app = await StartAppAsync(db, redis);
        var handle = await NewUserAsync(app);
        (await PostAsync(app, handle, "first")).ShouldBe(HttpStatusCode.Created);

        var first = await Api.GetAsync(app.Client, Feed);
        await InsertBehindTheAppsBackAsync(db, handle, "written straight to the database");
        var cached = await Api.GetAsync(app.Client, Feed);

        first.Status.ShouldBe(HttpStatusCode.OK);
        Messages(first).ShouldBe(["first"]);
        cached.Status.ShouldBe(HttpStatusCode.OK);
        cached.MediaType.ShouldBe("application/json");
        cached.Body.GetRawText().ShouldBe(first.Body.GetRawText());
        await using (var client = await ConnectionMultiplexer.ConnectAsync(redis.Address))
        {
            (await client.GetDatabase().HashExistsAsync("{cruddur:feed}:pages", "20:")).ShouldBeTrue();
        }

        (await PostAsync(app, handle, "second")).ShouldBe(HttpStatusCode.Created);
        var afterWrite = await Api.GetAsync(app.Client, Feed);

        Messages(afterWrite).ShouldBe(["second", "written straight to the database", "first"]);
    }

    [Fact]
    public async Task Serves_the_feed_from_the_database_when_Redis_dies_and_readiness_says_the_cache_is_down()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var app = await StartAppAsync(db, redis);
        var handle = await NewUserAsync(app);
        (await PostAsync(app, handle, "before the crash")).ShouldBe(HttpStatusCode.Created);
        (await Api.GetAsync(app.Client, Feed)).Status.ShouldBe(HttpStatusCode.OK);
        var readyBefore = await Api.GetAsync(app.Client, "/health/ready");

        await redis.KillAsync();
        await InsertBehindTheAppsBackAsync(db, handle, "written while Redis is down");
        var feed = await Api.GetAsync(app.Client, Feed);
        var posted = await PostAsync(app, handle, "posted while Redis is down");
        var feedAfterPost = await Api.GetAsync(app.Client, Feed);
        var readyAfter = await Api.GetAsync(app.Client, "/health/ready");

        Check(readyBefore, "feed-cache").GetProperty("status").GetString().ShouldBe("Healthy");
        Check(readyBefore, "feed-cache").GetProperty("description").GetString().ShouldNotBeNull().ShouldStartWith($"Redis at {redis.Address} answered in");
        feed.Status.ShouldBe(HttpStatusCode.OK);
        Messages(feed).ShouldBe(["written while Redis is down", "before the crash"]);
        posted.ShouldBe(HttpStatusCode.Created);
        Messages(feedAfterPost).ShouldBe(["posted while Redis is down", "written while Redis is down", "before the crash"]);
        readyAfter.Status.ShouldBe(HttpStatusCode.OK);
        readyAfter.Text("status").ShouldBe("Degraded");
        Check(readyAfter, "feed-cache").GetProperty("status").GetString().ShouldBe("Degraded");
        Check(readyAfter, "feed-cache").GetProperty("description").GetString()
            .ShouldBe($"Redis at {redis.Address} is unreachable: the home feed is read from the database");
        Check(readyAfter, "strata-database").GetProperty("status").GetString().ShouldBe("Healthy");
        app.HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task The_cache_is_off_unless_configured_and_readiness_says_so()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var app = await StartAppAsync(db, redis: null);

        var ready = await Api.GetAsync(app.Client, "/health/ready");

        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Text("status").ShouldBe("Healthy");
        Check(ready, "feed-cache").GetProperty("status").GetString().ShouldBe("Healthy");
        Check(ready, "feed-cache").GetProperty("description").GetString().ShouldBe("the home feed cache is off (Cruddur:Cache:Redis is not set)");
    }

    private static async Task<AppProcess> StartAppAsync(TestDatabase db, RedisServer? redis)
    {
        var variables = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = RunningApp.UrlWithPassword(db),
            ["Strata__MigrateOnStart"] = "true",
        };
        if (redis is not null)
        {
            variables["Cruddur__Cache__Redis"] = redis.Address;
        }

        var app = AppProcess.Start(variables);
        await app.WaitUntilListeningAsync();
        return app;
    }

    private static async Task<string> NewUserAsync(AppProcess app)
    {
        var handle = Api.NewHandle("cache");
        (await Api.PostAsync(app.Client, "/api/users", new { displayName = "Cache Tester", handle })).Status.ShouldBe(HttpStatusCode.Created);
        return handle;
    }

    private static async Task<HttpStatusCode> PostAsync(AppProcess app, string handle, string message) =>
        (await Api.PostAsync(app.Client, "/api/activities", new { handle, message })).Status;

    private static async Task InsertBehindTheAppsBackAsync(TestDatabase db, string handle, string message)
    {
        await using var insert = db.DataSource.CreateCommand(
            "INSERT INTO activities (user_uuid, content) SELECT uuid, $2 FROM users WHERE handle = $1");
        insert.Parameters.Add(new NpgsqlParameter { Value = handle });
        insert.Parameters.Add(new NpgsqlParameter { Value = message });
        (await insert.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private static List<string> Messages(Answer page) =>
        page.Body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("message").GetString()!).ToList();

    private static JsonElement Check(Answer ready, string name) => ready.Body.GetProperty("checks").GetProperty(name);
}
