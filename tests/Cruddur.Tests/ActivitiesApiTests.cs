using System.Net;
using Cruddur.Tests.Support;

namespace Cruddur.Tests;

public sealed class ActivitiesApiTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Creates_an_activity_and_reads_it_back_with_its_author()
    {
        var handle = await NewUserAsync("Fifty Pence");
        var expires = DateTimeOffset.UtcNow.AddDays(10);

        var created = await Api.PostAsync(app.Client, "/api/activities", new { handle = handle.ToLowerInvariant(), message = "This was imported as seed data", expiresAt = expires });

        created.Status.ShouldBe(HttpStatusCode.Created);
        var uuid = created.Text("uuid")!;
        created.Location.ShouldBe(new Uri($"/api/activities/{uuid}", UriKind.Relative));
        var read = await Api.GetAsync(app.Client, $"/api/activities/{uuid}");
        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Text("handle").ShouldBe(handle);
        read.Text("displayName").ShouldBe("Fifty Pence");
        read.Text("message").ShouldBe("This was imported as seed data");
        read.Body.GetProperty("repliesCount").GetInt32().ShouldBe(0);
        read.Body.GetProperty("repostsCount").GetInt32().ShouldBe(0);
        read.Body.GetProperty("likesCount").GetInt32().ShouldBe(0);
        read.Body.GetProperty("replyToActivityUuid").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        read.Body.GetProperty("expiresAt").GetDateTimeOffset().ShouldBe(expires, TimeSpan.FromMilliseconds(1));
        read.Body.GetProperty("createdAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task A_reply_points_at_its_activity_and_counts_on_it()
    {
        var handle = await NewUserAsync("Replier");
        var first = await Api.PostAsync(app.Client, "/api/activities", new { handle, message = "first" });

        var reply = await Api.PostAsync(app.Client, "/api/activities", new { handle, message = "a reply", replyToActivityUuid = first.Text("uuid") });

        reply.Status.ShouldBe(HttpStatusCode.Created);
        reply.Text("replyToActivityUuid").ShouldBe(first.Text("uuid"));
        (await Api.GetAsync(app.Client, $"/api/activities/{first.Text("uuid")}")).Body.GetProperty("repliesCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Accepts_280_characters_counted_as_the_database_counts_them()
    {
        var handle = await NewUserAsync("Emoji");

        // 280 emoji are 560 UTF-16 units but 280 characters for char_length.
        var answer = await Api.PostAsync(app.Client, "/api/activities", new { handle, message = string.Concat(Enumerable.Repeat("😀", 280)) });

        answer.Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Refuses_an_invalid_activity_with_an_error_for_each_field()
    {
        var answer = await Api.PostAsync(app.Client, "/api/activities", new { handle = "bad handle", message = new string('m', 281), expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors.Keys.Order().ShouldBe(["expiresAt", "handle", "message"]);
        answer.Errors["message"].ShouldBe(["message must be at most 280 characters; it has 281."]);
    }

    [Fact]
    public async Task Refuses_a_blank_message()
    {
        var handle = await NewUserAsync("Blank");

        var answer = await Api.PostAsync(app.Client, "/api/activities", new { handle, message = " \n\t " });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors.Keys.ShouldBe(["message"]);
    }

    [Fact]
    public async Task Refuses_an_author_handle_no_user_has()
    {
        var answer = await Api.PostAsync(app.Client, "/api/activities", new { handle = "nobody_at_all", message = "hello" });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors["handle"].ShouldBe(["No user has the handle 'nobody_at_all'."]);
    }

    [Fact]
    public async Task Refuses_a_reply_to_an_activity_that_does_not_exist()
    {
        var handle = await NewUserAsync("Lost");
        var missing = Guid.NewGuid();

        var answer = await Api.PostAsync(app.Client, "/api/activities", new { handle, message = "hello?", replyToActivityUuid = missing });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors["replyToActivityUuid"].ShouldBe([$"No activity has the uuid {missing}, or it has expired."]);
    }

    [Fact]
    public async Task Answers_400_for_a_reply_target_that_is_not_a_uuid()
    {
        var answer = await Api.PostRawAsync(app.Client, "/api/activities", """{"handle":"x","message":"m","replyToActivityUuid":"not-a-uuid"}""");

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Text("detail").ShouldNotBeNull().ShouldContain("replyToActivityUuid");
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-uuid")]
    [InlineData("1234")]
    public async Task Answers_404_for_an_unknown_or_malformed_activity_uuid(string uuid)
    {
        var answer = await Api.GetAsync(app.Client, $"/api/activities/{uuid}");

        answer.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Hides_an_activity_once_it_has_expired()
    {
        var handle = await NewUserAsync("Fleeting");
        var created = await Api.PostAsync(app.Client, "/api/activities", new { handle, message = "gone soon", expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        await ExpireAsync(created.Text("uuid")!);

        (await Api.GetAsync(app.Client, $"/api/activities/{created.Text("uuid")}")).ShouldBeProblem(HttpStatusCode.NotFound);
        var feed = await Api.GetAsync(app.Client, "/api/activities/home?limit=100");
        feed.Body.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("uuid").GetString() == created.Text("uuid"));
    }

    [Fact]
    public async Task Refuses_a_reply_to_an_expired_activity_and_leaves_its_count_alone()
    {
        var handle = await NewUserAsync("Late");
        var first = await Api.PostAsync(app.Client, "/api/activities", new { handle, message = "gone soon", expiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        var uuid = first.Text("uuid")!;
        await ExpireAsync(uuid);

        var reply = await Api.PostAsync(app.Client, "/api/activities", new { handle, message = "too late", replyToActivityUuid = uuid });

        reply.ShouldBeProblem(HttpStatusCode.BadRequest);
        reply.Errors["replyToActivityUuid"].ShouldBe([$"No activity has the uuid {uuid}, or it has expired."]);
        await using var count = app.Database.DataSource.CreateCommand("SELECT replies_count, (SELECT count(*) FROM activities WHERE reply_to_activity_uuid = $1) FROM activities WHERE uuid = $1");
        count.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Guid.Parse(uuid) });
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        reader.GetInt32(0).ShouldBe(0);
        reader.GetInt64(1).ShouldBe(0);
    }

    [Fact]
    public async Task Refuses_a_NUL_character_in_the_message_with_a_400_naming_it()
    {
        var handle = await NewUserAsync("Nul");

        var answer = await Api.PostAsync(app.Client, "/api/activities", new { handle, message = "before\0after" });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors["message"].ShouldBe(["message must not contain the NUL character (\\u0000)."]);
    }

    [Fact]
    public async Task Refuses_an_expiry_too_late_to_be_stored_as_sent()
    {
        var handle = await NewUserAsync("Forever");

        var answer = await Api.PostRawAsync(
            app.Client, "/api/activities", $$"""{"handle":"{{handle}}","message":"forever","expiresAt":"9999-12-31T23:59:59.9999999Z"}""");

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors["expiresAt"].ShouldBe(["expiresAt, when given, must be before 9999-12-31."]);
    }

    private async Task ExpireAsync(string uuid)
    {
        await using var expire = app.Database.DataSource.CreateCommand("UPDATE activities SET expires_at = now() - interval '1 second' WHERE uuid = $1");
        expire.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Guid.Parse(uuid) });
        (await expire.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private async Task<string> NewUserAsync(string displayName)
    {
        var handle = Api.NewHandle("A");
        (await Api.PostAsync(app.Client, "/api/users", new { displayName, handle })).Status.ShouldBe(HttpStatusCode.Created);
        return handle;
    }
}
