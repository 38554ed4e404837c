using System.Net;
using Cruddur.Tests.Support;
using Strata.Testing;

namespace Cruddur.Tests;

public sealed class LiveMigrationTests
{
    private const string AddColumn = """
        -- migrate:up
        -- Nullable with no default: a catalog-only change that holds its lock for moments, not a table rewrite.
        ALTER TABLE public.activities ADD COLUMN edited_at timestamptz;

        -- migrate:down
        ALTER TABLE public.activities DROP COLUMN edited_at;
        """;

    [Fact]
    public async Task Keeps_serving_while_strata_up_adds_a_column()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var app = AppProcess.Start(new Dictionary<string, string> { ["DATABASE_URL"] = db.Url, ["Strata__MigrateOnStart"] = "true" });
        await app.WaitUntilListeningAsync();
        var handle = Api.NewHandle("live");
        (await Api.PostAsync(app.Client, "/api/users", new { displayName = "Live", handle })).Status.ShouldBe(HttpStatusCode.Created);
        using var next = TestDirectory.Create();
        var migrations = next.Combine("migrations");
        Directory.CreateDirectory(migrations);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "db", "migrations"), "*.sql"))
        {
            File.Copy(file, Path.Combine(migrations, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(migrations, "20240201000000_add_activity_edited_at.sql"), AddColumn);

        var load = new RequestLoop(app.Client, handle);
        var running = load.RunAsync(workers: 4);
        await load.WaitForAsync(succeeded: 20);
        var beforeUp = load.Succeeded;
        var up = await StrataCli.RunAsync(new Dictionary<string, string> { ["DATABASE_URL"] = db.Url }, "up", "--migrations-dir", migrations);
        var afterUp = load.Succeeded;
        await load.WaitForAsync(succeeded: afterUp + 20);
        await load.StopAsync();
        await running;

        up.ExitCode.ShouldBe(0, up.Stderr);
        load.Failures.ShouldBeEmpty();
        (afterUp - beforeUp).ShouldBeGreaterThan(0);
        await using var column = db.DataSource.CreateCommand(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'activities' AND column_name = 'edited_at'");
        (await column.ExecuteScalarAsync()).ShouldBe(1L);
        var ready = await Api.GetAsync(app.Client, "/health/ready");
        ready.Status.ShouldBe(HttpStatusCode.OK);
        ready.Text("appliedVersion").ShouldBe("20240201000000");
        ready.Text("expectedVersion").ShouldBe("20240110000300");
    }

    /// <summary>Workers that post an activity, read it back and read the feed, over and over, recording every failure.</summary>
    private sealed class RequestLoop(HttpClient client, string handle)
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _failures = new();
        private int _succeeded;

        public int Succeeded => Volatile.Read(ref _succeeded);

        public IReadOnlyList<string> Failures => [.. _failures];

        public Task RunAsync(int workers) => Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync)));

        public async Task WaitForAsync(int succeeded)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (Succeeded < succeeded && _failures.IsEmpty)
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        public Task StopAsync() => _stop.CancelAsync();

        private async Task WorkAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                await CheckAsync(async () =>
                {
                    var created = await Api.PostAsync(client, "/api/activities", new { handle, message = "during the migration" });
                    return created.Status == HttpStatusCode.Created ? $"/api/activities/{created.Text("uuid")}" : throw Fail("POST", created);
                }, "/api/activities/home?limit=20");
            }
        }

        private async Task CheckAsync(Func<Task<string>> create, string feed)
        {
            try
            {
                var location = await create();
                Count();
                var read = await Api.GetAsync(client, location);
                Count(read.Status == HttpStatusCode.OK ? null : Fail("GET " + location, read));
                var page = await Api.GetAsync(client, feed);
                Count(page.Status == HttpStatusCode.OK ? null : Fail("GET " + feed, page));
            }
            catch (Exception ex)
            {
                _failures.Enqueue(ex.Message);
            }
        }

        private void Count(Exception? failure = null)
        {
            if (failure is not null)
            {
                _failures.Enqueue(failure.Message);
                return;
            }

            Interlocked.Increment(ref _succeeded);
        }

        private static InvalidOperationException Fail(string request, Answer answer) =>
            new($"{request} answered {(int)answer.Status}: {answer.Body}");
    }
}
