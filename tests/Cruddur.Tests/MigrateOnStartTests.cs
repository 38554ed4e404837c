using System.Net;
using Cruddur.Tests.Support;
using Strata.AspNetCore.Tests.Support;
using Strata.Testing;

namespace Cruddur.Tests;

public sealed class MigrateOnStartTests
{
    [Fact]
    public async Task Four_replicas_starting_together_apply_each_migration_once()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var variables = new Dictionary<string, string> { ["DATABASE_URL"] = db.Url, ["Strata__MigrateOnStart"] = "true" };
        var replicas = Enumerable.Range(0, 4).Select(_ => AppProcess.Start(variables)).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(r => r.WaitUntilListeningAsync()));

            foreach (var replica in replicas)
            {
                (await Api.GetAsync(replica.Client, "/health/ready")).Status.ShouldBe(HttpStatusCode.OK);
            }

            await using var history = db.DataSource.CreateCommand(
                "SELECT count(*), count(DISTINCT version), bool_and(status = 'applied') FROM strata_schema_migrations");
            await using var reader = await history.ExecuteReaderAsync();
            await reader.ReadAsync();
            reader.GetInt64(0).ShouldBe(6);
            reader.GetInt64(1).ShouldBe(6);
            reader.GetBoolean(2).ShouldBeTrue();
            var applied = replicas.Sum(r => r.LogEvents()
                .Where(e => e.GetProperty("EventId").GetInt32() == 1611)
                .Sum(e => e.GetProperty("State").GetProperty("Count").GetInt32()));
            applied.ShouldBe(6);
            await using var index = db.DataSource.CreateCommand(
                "SELECT indisvalid FROM pg_index WHERE indexrelid = 'public.activities_home_feed_idx'::regclass");
            (await index.ExecuteScalarAsync()).ShouldBe(true);
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Exits_non_zero_with_a_clear_log_line_when_the_database_cannot_be_reached()
    {
        await using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgres://postgres@127.0.0.1:{Ports.Unused()}/cruddur",
            ["Strata__MigrateOnStart"] = "true",
        });

        var exitCode = await app.WaitForExitAsync();

        exitCode.ShouldBe(1);
        var failure = app.LogEvents().Where(e => e.GetProperty("EventId").GetInt32() == 1613).ShouldHaveSingleItem();
        failure.GetProperty("LogLevel").GetString().ShouldBe("Critical");
        failure.GetProperty("Message").GetString().ShouldNotBeNull().ShouldStartWith("Migrate on start failed (connection-failed): ");
        app.Output.ShouldNotContain("Now listening on");
    }

    [Fact]
    public async Task Migrating_in_the_background_exits_non_zero_when_the_database_cannot_be_reached()
    {
        await using var app = StartInTheBackgroundWithoutADatabase(waitTimeout: "2s");

        var exitCode = await app.WaitForExitAsync();

        exitCode.ShouldBe(1, app.Output);
        var failure = app.LogEvents().Where(e => e.GetProperty("EventId").GetInt32() == 1613).ShouldHaveSingleItem();
        failure.GetProperty("Message").GetString().ShouldNotBeNull().ShouldEndWith("the app stops; it served only its health endpoints meanwhile");
    }

    [Fact]
    public async Task While_migrating_in_the_background_answers_other_requests_with_a_503_problem()
    {
        await using var app = StartInTheBackgroundWithoutADatabase(waitTimeout: "2m");
        await app.WaitUntilListeningAsync();

        // The run says "waiting for the database" only once its first connection attempt has failed; until then the
        // detail names the run's first step. Every answer meanwhile is the same 503 problem.
        const string Waiting = "not ready: migrating: waiting for the database";
        var details = new List<string>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var answer = await Api.GetAsync(app.Client, "/api/activities/home");
            answer.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
            details.Add(answer.Text("detail").ShouldNotBeNull());
            if (details[^1].StartsWith(Waiting, StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        details.ShouldAllBe(d => d.StartsWith("not ready: migrating: ", StringComparison.Ordinal));
        details[^1].ShouldStartWith(Waiting, customMessage: string.Join(" | ", details));
    }

    private static AppProcess StartInTheBackgroundWithoutADatabase(string waitTimeout) => AppProcess.Start(new Dictionary<string, string>
    {
        ["DATABASE_URL"] = $"postgres://postgres@127.0.0.1:{Ports.Unused()}/cruddur",
        ["Strata__MigrateOnStart"] = "true",
        ["Strata__MigrateInBackground"] = "true",
        ["Strata__WaitTimeout"] = waitTimeout,
    });
}
