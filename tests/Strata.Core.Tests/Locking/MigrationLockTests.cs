using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Locking;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Locking;

public sealed class MigrationLockTests
{
    [Fact]
    public async Task The_server_computes_the_same_lock_key_as_Strata()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var table = new HistoryTableName("app's", "history");

        var key = await db.ScalarAsync<long>($"SELECT {MigrationLockKey.SqlExpression(table)}");

        key.ShouldBe(MigrationLockKey.Compute(db.Name, table));
        key.ShouldNotBe(MigrationLockKey.Compute(db.Name, HistoryTableName.Default));
    }

    [Fact]
    public async Task Waits_for_a_held_lock_then_gives_up_naming_the_holder()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var holder = await HoldLockAsync(db, "other-deploy");

        var holderPid = holder.ProcessID;
        var logger = new TestLogger();
        var options = EngineTestKit.FastOptions with { AdvisoryLockWait = TimeSpan.FromSeconds(1) };

        var error = await Should.ThrowAsync<LockNotAcquiredException>(() => db.Migrator(UpTests.ThreeTables(), options, logger).UpAsync());

        error.Message.ShouldContain($"pid {holderPid}");
        error.Message.ShouldContain("application 'other-deploy'");
        logger.WithEvent(1301).ShouldNotBeEmpty();
        logger.WithEvent(1301)[0].Message.ShouldContain($"pid {holderPid}");
        (await db.TableExistsAsync("users")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_wait_of_zero_that_finds_the_lock_held_suggests_a_positive_wait()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var holder = await HoldLockAsync(db, "other-deploy");

        var options = EngineTestKit.FastOptions with { AdvisoryLockWait = TimeSpan.Zero };

        var error = await Should.ThrowAsync<LockNotAcquiredException>(() => db.Migrator(UpTests.ThreeTables(), options).UpAsync());

        error.NextSteps.ShouldBe([new NextStep(NextStepKind.RaiseLockWait, Value: "10m")]);
    }

    [Fact]
    public async Task A_run_waits_while_the_lock_is_held_and_proceeds_once_it_is_released()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var holder = await db.DataSource.OpenConnectionAsync();
        var key = MigrationLockKey.Compute(db.Name, HistoryTableName.Default);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({key})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        var logger = new TestLogger();
        var waited = new TaskCompletionSource();
        logger.OnLog = entry =>
        {
            if (entry.EventId == 1301)
            {
                waited.TrySetResult();
            }
        };
        var run = db.Migrator(UpTests.ThreeTables(), logger: logger).UpAsync();
        await waited.Task.WaitAsync(TimeSpan.FromSeconds(30));
        run.IsCompleted.ShouldBeFalse();
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({key})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        (await run).Migrations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Eight_runners_started_together_apply_each_migration_exactly_once()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource();
        for (var i = 1; i <= 50; i++)
        {
            source.Add($"{i}_t{i}.sql", $"-- migrate:up\nCREATE TABLE t{i} (id int);\nINSERT INTO counts VALUES ({i});\n");
        }

        source.Add("0_counts.sql", "-- migrate:up\nCREATE TABLE counts (n int);\n");
        var dataSources = Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(db.ConnectionString)).ToList();
        try
        {
            var runs = dataSources.Select(ds => Task.Run(() => new Migrator(ds, source, EngineTestKit.FastOptions).UpAsync())).ToList();
            var results = await Task.WhenAll(runs);

            results.Sum(r => r.Migrations.Count).ShouldBe(51);
            (await db.ScalarAsync<long>("SELECT count(*) FROM counts")).ShouldBe(50);
            (await db.ScalarAsync<long>("SELECT count(DISTINCT n) FROM counts")).ShouldBe(50);
            (await db.HistoryVersionsAsync()).Count.ShouldBe(51);
        }
        finally
        {
            foreach (var ds in dataSources)
            {
                await ds.DisposeAsync();
            }
        }
    }

    private static async Task<NpgsqlConnection> HoldLockAsync(TestDatabase db, string applicationName)
    {
        var holder = await db.DataSource.OpenConnectionAsync();
        await using var take = new NpgsqlCommand(
            $"SET application_name = '{applicationName}'; SELECT pg_advisory_lock({MigrationLockKey.Compute(db.Name, HistoryTableName.Default)})", holder);
        await take.ExecuteNonQueryAsync();
        return holder;
    }
}
