using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

/// <summary>A run that loses its migration lock, or whose history row another session changes, never says applied.</summary>
public sealed class LockLossTests
{
    private const string ThisDatabase = "(SELECT oid FROM pg_database WHERE datname = current_database())";

    private static TestMigrationSource Slow(double seconds) => new TestMigrationSource()
        .Add("1_slow.sql", "-- migrate:up transaction:false\nCREATE TABLE s1 (id bigint PRIMARY KEY);\n" +
            $"SELECT pg_sleep({seconds});\nCREATE TABLE s2 (id bigint PRIMARY KEY);\n-- migrate:down\nDROP TABLE s2, s1;\n");

    [Fact]
    public async Task The_lock_outlives_an_idle_session_timeout_while_a_long_statement_runs()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync($"ALTER DATABASE \"{db.Name}\" SET idle_session_timeout = '1s'");
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        var run = new Migrator(dataSource, Slow(3), EngineTestKit.FastOptions).UpAsync();

        await WaitForSleepAsync(db);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var locks = await db.ScalarAsync<long>($"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = {ThisDatabase}");

        (await run).Migrations.Count.ShouldBe(1);
        locks.ShouldBe(1);
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
    }

    [Fact]
    public async Task A_run_whose_lock_session_is_ended_stops_instead_of_recording_the_migration_applied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var run = db.Migrator(Slow(2)).UpAsync();

        await WaitForSleepAsync(db);
        await db.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = {ThisDatabase}");

        var error = await Should.ThrowAsync<LockNotAcquiredException>(() => run);
        error.Message.ShouldContain("migration lock");
        error.Message.ShouldContain("was lost");
        error.Message.ShouldContain("recorded as running with 3 of 3 statements completed");
        error.NextSteps.ShouldBe([new NextStep(NextStepKind.Repair, "1")]);
        (await db.HistoryVersionsAsync("running")).ShouldBe(["1"]);
    }

    [Fact]
    public async Task A_run_of_transactional_migrations_whose_lock_session_is_ended_stops_before_the_next_one()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_slow.sql", "-- migrate:up\nCREATE TABLE s1 (id bigint PRIMARY KEY);\nSELECT pg_sleep(1.5);\n")
            .Add("2_next.sql", "-- migrate:up\nCREATE TABLE s2 (id bigint PRIMARY KEY);\n");
        var run = db.Migrator(source).UpAsync();

        await WaitForSleepAsync(db);
        await db.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = {ThisDatabase}");

        var error = await Should.ThrowAsync<LockNotAcquiredException>(() => run);
        error.Message.ShouldContain("stopped: migration 2_next was not started and the 1 migration(s) before it stay applied");
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
        (await db.TableExistsAsync("s2")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_history_row_removed_while_its_section_runs_fails_the_run()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var run = db.Migrator(Slow(1)).UpAsync();

        await WaitForSleepAsync(db);
        await db.ExecuteAsync("DELETE FROM strata_schema_migrations");

        var error = await Should.ThrowAsync<StrataException>(() => run);
        error.Code.ShouldBe("history-table-lost");
        error.Message.ShouldContain("changed or removed by another session");
        (await db.ScalarAsync<long>("SELECT count(*) FROM strata_schema_migrations")).ShouldBe(0);
    }

    [Fact]
    public async Task A_history_write_that_meets_a_lock_timeout_is_retried()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var run = CountedRunAsync(db, TimeSpan.FromMilliseconds(500), 10);

        await using (var holder = await db.DataSource.OpenConnectionAsync())
        {
            await WaitForSleepAsync(db);
            await using var transaction = await LockHistoryTableAsync(holder);

            await Task.Delay(TimeSpan.FromSeconds(2));
            await transaction.CommitAsync();
        }

        (await run).Migrations.Count.ShouldBe(2);
        (await db.ScalarAsync<long>("SELECT count(*) FROM cnt")).ShouldBe(1);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task A_history_write_that_keeps_meeting_a_lock_timeout_is_a_lock_error_saying_the_statement_committed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var run = CountedRunAsync(db, TimeSpan.FromMilliseconds(200), 2);

        await using var holder = await db.DataSource.OpenConnectionAsync();
        await WaitForSleepAsync(db);
        await using var transaction = await LockHistoryTableAsync(holder);

        var error = await Should.ThrowAsync<LockNotAcquiredException>(() => run);
        await transaction.RollbackAsync();

        error.Message.ShouldContain("statement 1 committed although its history row does not count it");
        error.Message.ShouldContain("recorded as running with 0 of 1 statements completed");
        error.Message.ShouldNotContain("grant");
        (await db.ScalarAsync<long>("SELECT count(*) FROM cnt")).ShouldBe(1);
    }

    // Migration 2 inserts a row in a statement of its own, then records it in the history.
    private static Task<MigrationRunResult> CountedRunAsync(TestDatabase db, TimeSpan lockTimeout, int attempts) =>
        db.Migrator(
            new TestMigrationSource()
                .Add("1_cnt.sql", "-- migrate:up\nCREATE TABLE cnt (n int);\n")
                .Add("2_count.sql", "-- migrate:up transaction:false\nINSERT INTO cnt SELECT 1 FROM pg_sleep(1);\n"),
            EngineTestKit.FastOptions with { LockTimeout = lockTimeout, LockRetryAttempts = attempts })
        .UpAsync();

    private static async Task<NpgsqlTransaction> LockHistoryTableAsync(NpgsqlConnection holder)
    {
        var transaction = await holder.BeginTransactionAsync();
        await using var take = new NpgsqlCommand("LOCK TABLE strata_schema_migrations IN ACCESS EXCLUSIVE MODE", holder, transaction);
        await take.ExecuteNonQueryAsync();
        return transaction;
    }

    private static async Task WaitForSleepAsync(TestDatabase db)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await db.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(%' AND state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()") > 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the migration's pg_sleep never started");
    }
}
