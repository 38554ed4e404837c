using System.Net;
using Cruddur.Tests.Support;
using Strata.Testing;

namespace Cruddur.Tests;

public sealed class SeedOnStartTests
{
    // In the background the server listens before the migrations are applied, and the seeds load after them.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Loads_the_seed_data_into_an_environment_that_allows_it_after_migrating(bool inTheBackground)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var project = TestDirectory.Create();
        await using var app = StartSeeding(db, project, inTheBackground);
        await app.WaitUntilListeningAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!app.Lines.Any(l => l.Contains("Loaded seed", StringComparison.Ordinal)) && !app.HasExited)
        {
            await Task.Delay(50, timeout.Token);
        }

        var user = await Api.GetAsync(app.Client, "/api/users/hotwheels");
        var feed = await Api.GetAsync(app.Client, "/api/activities/home");

        app.HasExited.ShouldBeFalse(app.Output);
        user.Status.ShouldBe(HttpStatusCode.OK);
        user.Text("displayName").ShouldBe("Pop Goes the Weasel");
        (await Api.GetAsync(app.Client, "/api/users/getFullOrDieTryin")).Status.ShouldBe(HttpStatusCode.OK);
        var item = feed.Body.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("message").GetString().ShouldBe("This was imported as seed data");
        item.GetProperty("handle").GetString().ShouldBe("hotwheels");
        item.GetProperty("displayName").GetString().ShouldBe("Pop Goes the Weasel");
        (await Api.GetAsync(app.Client, "/health/ready")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refuses_to_seed_a_database_that_does_not_allow_it_and_exits_non_zero()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = db.Url,
            ["Strata__MigrateOnStart"] = "true",
            ["Cruddur__SeedOnStart"] = "true",
        });

        (await app.WaitForExitAsync()).ShouldBe(1);

        app.LogEvents().ShouldContain(e => e.GetProperty("LogLevel").GetString() == "Critical"
            && e.GetProperty("Message").GetString()!.Contains("does not allow seeds"));
        await using var users = db.DataSource.CreateCommand("SELECT count(*) FROM users");
        (await users.ExecuteScalarAsync()).ShouldBe(0L);
    }

    // Cruddur in a project whose strata.json environment allows seeds, migrating and seeding on start.
    private static AppProcess StartSeeding(TestDatabase db, TestDirectory project, bool inTheBackground)
    {
        File.WriteAllText(project.Combine("strata.json"), $$"""
            { "environments": { "demo": { "database": "{{db.Url}}", "allowSeed": true } } }
            """);
        return AppProcess.Start(new Dictionary<string, string>
        {
            ["STRATA_ENV"] = "demo",
            ["Strata__WorkingDirectory"] = project.Path,
            ["Strata__MigrateOnStart"] = "true",
            ["Strata__MigrateInBackground"] = inTheBackground ? "true" : "false",
            ["Cruddur__SeedOnStart"] = "true",
        });
    }
}
