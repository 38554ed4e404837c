using System.Net;
using Cruddur.Tests.Support;
using Strata.AspNetCore.Tests.Support;
using Strata.Testing;

namespace Cruddur.Tests;

public sealed class ReadinessTests
{
    private static string MigrationsDirectory => Path.Combine(AppContext.BaseDirectory, "db", "migrations");

    [Fact]
    public async Task Ready_is_503_before_strata_up_and_200_after()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["DATABASE_URL"] = db.Url });
        await app.WaitUntilListeningAsync();

        var before = await Api.GetAsync(app.Client, "/health/ready");
        before.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        before.Text("status").ShouldBe("Unhealthy");
        before.Body.GetProperty("databaseReachable").GetBoolean().ShouldBeTrue();
        before.Text("expectedVersion").ShouldBe("20240110000300");
        before.Body.GetProperty("pendingCount").GetInt32().ShouldBe(6);
        (await Api.GetAsync(app.Client, "/health/live")).Status.ShouldBe(HttpStatusCode.OK);

        var up = await StrataCli.RunAsync(new Dictionary<string, string> { ["DATABASE_URL"] = db.Url }, "up", "--migrations-dir", MigrationsDirectory);
        up.ExitCode.ShouldBe(0, up.Stderr);

        var after = await Api.GetAsync(app.Client, "/health/ready");
        after.Status.ShouldBe(HttpStatusCode.OK);
        after.Text("status").ShouldBe("Healthy");
        after.Text("appliedVersion").ShouldBe("20240110000300");
        after.Body.GetProperty("pendingCount").GetInt32().ShouldBe(0);
        after.Body.GetProperty("error").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_copied_migrations_are_the_embedded_ones()
    {
        var files = Directory.GetFiles(MigrationsDirectory, "*.sql").Select(f => Path.GetFileName(f)).Order().ToList();
        var assembly = System.Reflection.Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "Cruddur.dll"));
        var embedded = assembly.GetManifestResourceNames().Where(n => n.StartsWith("db/migrations/", StringComparison.Ordinal))
            .Select(n => n["db/migrations/".Length..]).Order().ToList();

        embedded.ShouldBe(files);
        foreach (var name in files)
        {
            using var stream = assembly.GetManifestResourceStream("db/migrations/" + name)!;
            using var reader = new StreamReader(stream);
            (await reader.ReadToEndAsync()).ShouldBe(await File.ReadAllTextAsync(Path.Combine(MigrationsDirectory, name)));
        }
    }

    [Fact]
    public async Task Answers_503_problems_while_the_database_is_down_and_keeps_running()
    {
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgres://postgres@127.0.0.1:{Ports.Unused()}/cruddur",
        });
        await app.WaitUntilListeningAsync();

        var user = await Api.GetAsync(app.Client, "/api/users/hotwheels");
        var ready = await Api.GetAsync(app.Client, "/health/ready");

        user.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        user.Text("title").ShouldBe("The database is unavailable.");
        ready.Status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Body.GetProperty("databaseReachable").GetBoolean().ShouldBeFalse();
        ready.Text("error").ShouldNotBeNull().ShouldContain("refused");
        (await Api.GetAsync(app.Client, "/health/live")).Status.ShouldBe(HttpStatusCode.OK);
        app.HasExited.ShouldBeFalse();
    }
}
