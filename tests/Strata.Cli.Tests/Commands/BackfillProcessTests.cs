using System.Diagnostics;
using Npgsql;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

/// <summary>A batched backfill run by the real `strata` process, killed part-way and run again.</summary>
public sealed class BackfillProcessTests
{
    private const int Rows = 50_000;

    [Fact]
    public async Task A_backfill_killed_part_way_resumes_on_the_next_up_and_touches_every_row_once()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "t", "-- migrate:up\nCREATE TABLE t (id bigint PRIMARY KEY, hits int NOT NULL DEFAULT 0, xid bigint);\n" +
            $"INSERT INTO t (id) SELECT g FROM generate_series(1, {Rows}) g;\n");
        files.Add(2, "backfill", "-- migrate:up transaction:false\n-- strata:batch size=500 pause=50\nUPDATE t SET hits = hits + 1, xid = txid_current();\n");
        var environment = Variables(db);

        using (var process = Process.Start(StrataProcess.StartInfo(files.Root, environment, "up"))!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            await WaitForBatchesAsync(db, 10);
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await Task.WhenAll(stderr, stdout);
        }

        var done = await ScalarAsync<long>(db, "SELECT count(*) FROM t WHERE hits = 1");
        done.ShouldBeLessThan(Rows, "the kill came before the backfill ended");
        (await ScalarAsync<long>(db, "SELECT count(*) FROM t WHERE hits > 1")).ShouldBe(0);

        var rerun = await StrataProcess.RunAsync(files.Root, environment, "up");

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        rerun.Stderr.ShouldContain("Migration 2_backfill: resuming the backfill of public.t after key");
        rerun.Stderr.ShouldContain("Migration 2_backfill: backfill of public.t done: 50000 rows in 100 batches");
        (await ScalarAsync<long>(db, "SELECT count(*) FROM t WHERE hits = 1")).ShouldBe(Rows);
        (await ScalarAsync<long>(db, "SELECT count(DISTINCT xid) FROM t")).ShouldBe(Rows / 500);
        (await ScalarAsync<long>(db, "SELECT count(*) FROM strata_schema_migrations WHERE status = 'applied'")).ShouldBe(2);
    }

    [Fact]
    public async Task A_backfill_stopped_by_sigterm_after_a_search_path_resumes_on_the_same_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "init", "-- migrate:up\nCREATE SCHEMA shop;\nCREATE TABLE shop.items (id bigint PRIMARY KEY, w int);\n" +
            "CREATE TABLE public.items (id bigint PRIMARY KEY, w int);\n" +
            $"INSERT INTO shop.items (id) SELECT g FROM generate_series(1, {Rows}) g;\nINSERT INTO public.items (id) SELECT g FROM generate_series(1, {Rows}) g;\n");
        files.Add(2, "fill", "-- migrate:up transaction:false\nSET search_path = shop;\n-- strata:batch size=500 pause=20\nUPDATE items SET w = 1 WHERE w IS NULL;\n");
        var environment = Variables(db);
        (await StrataProcess.RunAsync(files.Root, environment, "up", "--to", "1")).ExitCode.ShouldBe(0);

        using (var process = Process.Start(StrataProcess.StartInfo(files.Root, environment, "up"))!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            await WaitForBatchesAsync(db, 10);
            using (var term = Process.Start("kill", ["-s", "TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await Task.WhenAll(stderr, stdout);
            process.ExitCode.ShouldBe(130, await stderr);
            (await stderr).ShouldContain("\nnext: strata up\n");
        }

        (await ScalarAsync<long>(db, "SELECT count(*) FROM shop.items WHERE w = 1")).ShouldBeLessThan(Rows);

        var rerun = await StrataProcess.RunAsync(files.Root, environment, "up");

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        rerun.Stderr.ShouldContain("Migration 2_fill: resuming the backfill of shop.items after key");
        (await ScalarAsync<long>(db, "SELECT count(*) FROM shop.items WHERE w = 1")).ShouldBe(Rows);
        (await ScalarAsync<long>(db, "SELECT count(*) FROM public.items WHERE w IS NOT NULL")).ShouldBe(0);
    }

    private static Dictionary<string, string> Variables(TestDatabase db) => new()
    {
        ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/tmp",
        ["DATABASE_URL"] = db.Url,
    };

    private static async Task<T> ScalarAsync<T>(TestDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForBatchesAsync(TestDatabase db, int batches)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            try
            {
                if (await ScalarAsync<int>(db, "SELECT coalesce(max(batches), 0) FROM strata_schema_migrations_backfill") >= batches)
                {
                    return;
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // Not created until the backfill starts.
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
