using System.Net;
using Cruddur.Tests.Support;
using Npgsql;
using Strata.Testing;
using Xunit.Abstractions;

namespace Cruddur.Tests;

/// <summary>
/// The rename of activities.message to content, deployed the zero-downtime way while both releases serve real HTTP on
/// loopback against one database. Release N is the release before the rename (tests/Cruddur.PreviousRelease: today's
/// Cruddur source with the ActivityStore and seed of that release, which use message, and the three migrations it
/// shipped); release N+1 is examples/Cruddur as built. The migrations run as a deploy's migration task runs them: the
/// strata command with N+1's db/migrations, --phase pre before the rollout and --phase post after it.
/// </summary>
public sealed class RollingRenameTests(ITestOutputHelper output)
{
    private const int MaxRequests = 60_000;
    private const int StepWrites = 30;
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(8);

    private static string Migrations => Path.Combine(AppContext.BaseDirectory, "db", "migrations");

    [Fact]
    public async Task Renames_a_column_while_the_old_and_new_releases_serve_with_no_failed_request_and_no_lost_write()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var database = new Dictionary<string, string> { ["DATABASE_URL"] = db.Url };

        // Release N is live: deployed as it was, migrating on start to the schema it ships, with message.
        await using var previous = AppProcess.StartPreviousRelease(new Dictionary<string, string>(database) { ["Strata__MigrateOnStart"] = "true" });
        await previous.WaitUntilListeningAsync();
        (await ColumnsAsync(db)).ShouldBe("message");
        var handle = Api.NewHandle("roll");
        (await Api.PostAsync(previous.Client, "/api/users", new { displayName = "Rolling", handle })).Status.ShouldBe(HttpStatusCode.Created);

        var load = new RollingLoad(handle, MaxRequests, MaxDuration);
        var n = new RollingLoad.Release("N", previous.Client);
        RollingLoad.Release? next = null;
        AppProcess? current = null;
        load.RouteTo(n);
        load.Start(workers: 4);
        var steps = new List<string>();
        try
        {
            await load.WaitForAsync(() => n.WriteCount >= StepWrites, "N to serve writes before the expand phase");
            steps.Add($"before expand: {load.Summary()}");

            // Expand: content and the sync trigger, then the backfill, while N writes message.
            var pre = await StrataCli.RunAsync(database, "up", "--phase", "pre", "--migrations-dir", Migrations);
            pre.ExitCode.ShouldBe(0, pre.Stderr);
            (await ColumnsAsync(db)).ShouldBe("content,message");
            var written = n.WriteCount;
            await load.WaitForAsync(() => n.WriteCount >= written + StepWrites, "N to keep writing after the expand phase");
            steps.Add($"after expand: {load.Summary()}");

            // Roll out N+1 beside N; like a load balancer, send it traffic once it reports ready, with the
            // post-deploy migration still pending.
            current = AppProcess.Start(database);
            await current.WaitUntilListeningAsync();
            var ready = await WaitUntilReadyAsync(current);
            ready.Body.GetProperty("pendingCount").GetInt32().ShouldBe(1);
            ready.Text("expectedVersion").ShouldBe("20240110000300");
            var rolledOut = new RollingLoad.Release("N+1", current.Client);
            next = rolledOut;
            load.RouteTo(n, rolledOut);
            written = n.WriteCount;
            await load.WaitForAsync(() => n.WriteCount >= written + StepWrites && rolledOut.WriteCount >= StepWrites, "both releases to serve writes");
            steps.Add($"overlap: {load.Summary()}");

            // N leaves the rotation, finishes what it started, and stops gracefully.
            load.RouteTo(rolledOut);
            await load.DrainAsync(n);
            (await previous.StopAsync()).ShouldBe(0, previous.Output);
            steps.Add($"N stopped: {load.Summary()}");

            // Contract: only N+1 runs, and it never touches message.
            var post = await StrataCli.RunAsync(database, "up", "--phase", "post", "--migrations-dir", Migrations);
            post.ExitCode.ShouldBe(0, post.Stderr);
            (await ColumnsAsync(db)).ShouldBe("content");
            written = rolledOut.WriteCount;
            await load.WaitForAsync(() => rolledOut.WriteCount >= written + StepWrites, "N+1 to keep writing after the contract phase");
            steps.Add($"after contract: {load.Summary()}");
        }
        finally
        {
            await load.StopAsync();
            output.WriteLine(string.Join('\n', steps));
            output.WriteLine($"total: {load.Summary()}; {n}; {next}");
            if (current is not null)
            {
                await current.DisposeAsync();
            }
        }

        load.Failures.ShouldBeEmpty($"{load.Summary()}; first failures: {string.Join(" | ", load.Failures.Take(10))}");
        var stored = await ContentsAsync(db, load.Acknowledged.Keys);
        var lost = load.Acknowledged.Where(w => !stored.TryGetValue(w.Key, out var content) || content != w.Value).Select(w => w.Key).ToList();
        lost.ShouldBeEmpty($"{lost.Count} of {load.Acknowledged.Count} acknowledged writes are missing or changed");
        load.CrossReads.ShouldBeGreaterThan(0);
        n.WriteCount.ShouldBeGreaterThan(0);
        next.ShouldNotBeNull().WriteCount.ShouldBeGreaterThan(0);
        (await NullableAsync(db)).ShouldBe("NO");
        (await TriggersAsync(db)).ShouldBe(0);
    }

    // Polls /health/ready as a load balancer's health check does, with a start-up allowance for a loaded machine.
    private static async Task<Answer> WaitUntilReadyAsync(AppProcess app)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var ready = await Api.GetAsync(app.Client, "/health/ready");
            if (ready.Status == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                ready.Status.ShouldBe(HttpStatusCode.OK, ready.Body.ToString());
                return ready;
            }

            await Task.Delay(200);
        }
    }

    // Which of message and content activities has, in name order.
    private static async Task<string> ColumnsAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'activities' "
            + "AND column_name IN ('message', 'content') ORDER BY column_name");
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return string.Join(',', columns);
    }

    private static async Task<Dictionary<Guid, string>> ContentsAsync(TestDatabase db, IEnumerable<Guid> uuids)
    {
        await using var command = db.DataSource.CreateCommand("SELECT uuid, content FROM public.activities WHERE uuid = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = uuids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var contents = new Dictionary<Guid, string>();
        while (await reader.ReadAsync())
        {
            contents[reader.GetGuid(0)] = reader.GetString(1);
        }

        return contents;
    }

    private static async Task<object?> NullableAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT is_nullable::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'activities' AND column_name = 'content'");
        return await command.ExecuteScalarAsync();
    }

    private static async Task<object?> TriggersAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'public.activities'::regclass AND NOT tgisinternal");
        return await command.ExecuteScalarAsync();
    }
}
