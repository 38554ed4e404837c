using System.Net;
using Cruddur.Tests.Support;

namespace Cruddur.Tests;

public sealed class UsersApiTests(RunningApp app) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task Creates_a_user_and_reads_it_back_by_handle_in_any_case()
    {
        var handle = Api.NewHandle("Pop");

        var created = await Api.PostAsync(app.Client, "/api/users", new { displayName = "Pop Goes the Weasel", handle, cognitoUserId = "MOCK" });

        created.Status.ShouldBe(HttpStatusCode.Created);
        created.MediaType.ShouldBe("application/json");
        created.Location.ShouldBe(new Uri($"/api/users/{handle}", UriKind.Relative));
        created.Text("handle").ShouldBe(handle);
        created.Text("displayName").ShouldBe("Pop Goes the Weasel");
        Guid.TryParse(created.Text("uuid"), out _).ShouldBeTrue();
        created.Body.TryGetProperty("cognitoUserId", out _).ShouldBeFalse();
        var read = await Api.GetAsync(app.Client, $"/api/users/{handle.ToUpperInvariant()}");
        read.Status.ShouldBe(HttpStatusCode.OK);
        read.Text("uuid").ShouldBe(created.Text("uuid"));
        read.Text("handle").ShouldBe(handle);
        read.Text("createdAt").ShouldBe(created.Text("createdAt"));
    }

    [Fact]
    public async Task Refuses_a_taken_handle_with_409_even_in_another_case()
    {
        var handle = Api.NewHandle("dup");
        (await Api.PostAsync(app.Client, "/api/users", new { displayName = "First", handle })).Status.ShouldBe(HttpStatusCode.Created);

        var second = await Api.PostAsync(app.Client, "/api/users", new { displayName = "Second", handle = handle.ToUpperInvariant() });

        second.ShouldBeProblem(HttpStatusCode.Conflict);
        second.Text("detail").ShouldNotBeNull().ShouldContain(handle.ToUpperInvariant());
        (await Api.GetAsync(app.Client, $"/api/users/{handle}")).Text("displayName").ShouldBe("First");
    }

    [Fact]
    public async Task Refuses_an_invalid_user_with_an_error_for_each_field()
    {
        var answer = await Api.PostAsync(app.Client, "/api/users", new { displayName = "   ", handle = "no spaces!", cognitoUserId = "" });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors.Keys.Order().ShouldBe(["cognitoUserId", "displayName", "handle"]);
        answer.Errors["handle"].ShouldBe(["handle must be 1 to 40 letters, digits or underscores."]);
    }

    [Fact]
    public async Task Refuses_missing_and_too_long_fields()
    {
        var missing = await Api.PostAsync(app.Client, "/api/users", new { });
        missing.ShouldBeProblem(HttpStatusCode.BadRequest);
        missing.Errors.Keys.Order().ShouldBe(["displayName", "handle"]);

        var tooLong = await Api.PostAsync(app.Client, "/api/users", new { displayName = new string('x', 101), handle = new string('h', 41) });
        tooLong.ShouldBeProblem(HttpStatusCode.BadRequest);
        tooLong.Errors["displayName"].ShouldBe(["displayName must be at most 100 characters; it has 101."]);
        tooLong.Errors.Keys.ShouldContain("handle");
    }

    [Theory]
    [InlineData("displayName")]
    [InlineData("cognitoUserId")]
    public async Task Refuses_a_NUL_character_with_a_400_naming_the_field(string field)
    {
        var user = new Dictionary<string, string> { ["displayName"] = "Nul", ["handle"] = Api.NewHandle("nul"), ["cognitoUserId"] = "MOCK" };
        user[field] = "before\0after";

        var answer = await Api.PostAsync(app.Client, "/api/users", user);

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors.Keys.ShouldBe([field]);
        answer.Errors[field].ShouldBe([$"{field} must not contain the NUL character (\\u0000)."]);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\u0000")]
    public async Task Refuses_a_handle_with_a_line_break_or_NUL_at_its_end(string end)
    {
        var answer = await Api.PostAsync(app.Client, "/api/users", new { displayName = "Trailing", handle = Api.NewHandle("t") + end });

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Errors["handle"].ShouldBe(["handle must be 1 to 40 letters, digits or underscores."]);
    }

    [Theory]
    [InlineData("{\"displayName\":", "The request could not be read.")]
    [InlineData("{\"displayName\": 42, \"handle\": \"x\"}", "The request could not be read.")]
    [InlineData("[1, 2]", "The request could not be read.")]
    [InlineData("", "The request could not be read.")]
    public async Task Answers_400_with_a_problem_for_a_body_that_is_not_a_user(string body, string title)
    {
        var answer = await Api.PostRawAsync(app.Client, "/api/users", body);

        answer.ShouldBeProblem(HttpStatusCode.BadRequest);
        answer.Text("title").ShouldBe(title);
        answer.Text("detail").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Answers_415_for_a_body_that_is_not_json()
    {
        var answer = await Api.PostRawAsync(app.Client, "/api/users", "displayName=x", "application/x-www-form-urlencoded");

        answer.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("nobody_has_this_handle")]
    [InlineData("not%20a%20handle")]
    [InlineData("x_0123456789012345678901234567890123456789")]
    public async Task Answers_404_for_a_handle_no_user_has(string handle)
    {
        var answer = await Api.GetAsync(app.Client, $"/api/users/{handle}");

        answer.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Answers_405_with_a_problem_for_a_method_the_route_does_not_have()
    {
        var answer = await Api.SendAsync(app.Client, new HttpRequestMessage(HttpMethod.Delete, "/api/users/anyone"));

        answer.ShouldBeProblem(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Never_logs_the_database_password_and_logs_json_lines()
    {
        (await Api.GetAsync(app.Client, "/health/ready")).Status.ShouldBe(HttpStatusCode.OK);

        app.App.Output.ShouldNotContain(RunningApp.Password);
        app.App.Lines.ShouldAllBe(line => line.StartsWith('{'));
        app.App.LogEvents().ShouldContain(e => e.GetProperty("EventId").GetInt32() == 1000
            && e.GetProperty("Message").GetString()!.Contains("postgres://postgres:********@"));
    }
}
