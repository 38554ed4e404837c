using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Batching;

public sealed class BackfillTests
{
    private const string Table = "CREATE TABLE t (id bigint PRIMARY KEY, v int NOT NULL, hits int NOT NULL DEFAULT 0, xid bigint)";

    // Every row counts the batches that touched it (hits) and remembers the transaction that last did (xid).
    private const string Touch = "hits = hits + 1, xid = txid_current()";

    private static string Rows(int rows) => $"{Table};\nINSERT INTO t (id, v) SELECT g, g FROM generate_series(1, {rows}) g;";

    // The table comes from a first migration, so the database has a history when the backfill runs.
    private static TestMigrationSource Backfill(string setup, string directive, string statement) => new TestMigrationSource()
        .Add("1_setup.sql", $"-- migrate:up\n{setup}\n")
        .Add("2_backfill.sql", $"-- migrate:up transaction:false\n{directive}\n{statement}\n");

    [Fact]
    public async Task Runs_the_statement_in_transactions_of_at_most_the_batch_size_until_the_key_space_is_done()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var rows = Rows(1000);

        await db.Migrator(Backfill(rows, "-- strata:batch size=100", $"UPDATE t SET {Touch};")).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1")).ShouldBe(1000);
        (await db.ScalarAsync<long>("SELECT count(DISTINCT xid) FROM t")).ShouldBe(10);
        (await db.ScalarAsync<long>("SELECT max(n) FROM (SELECT count(*) AS n FROM t GROUP BY xid) s")).ShouldBe(100);
        (await db.ScalarAsync<long>("SELECT count(*) FROM t GROUP BY xid HAVING max(id) - min(id) >= 100")).ShouldBe(0);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM strata_schema_migrations_backfill")).ShouldBe(0);
    }

    [Fact]
    public async Task Keeps_the_statements_own_condition_with_its_ors()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var rows = Rows(1000);

        await db.Migrator(Backfill(rows, "-- strata:batch size=64 pause=1", $"UPDATE t AS x SET {Touch} WHERE x.v % 3 = 0 OR x.v = 1;")).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1")).ShouldBe(334);
        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1 AND NOT (v % 3 = 0 OR v = 1)")).ShouldBe(0);
        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits > 1")).ShouldBe(0);
    }

    [Fact]
    public async Task Deletes_in_batches()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var rows = Rows(1000);
        var logger = new TestLogger();

        await db.Migrator(Backfill(rows, "-- strata:batch size=300", "DELETE FROM public.t WHERE v % 2 = 0;"), logger: logger).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM t")).ShouldBe(500);
        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE v % 2 = 0")).ShouldBe(0);
        logger.WithEvent(1363).ShouldHaveSingleItem().Message.ShouldBe("Migration 2_backfill: backfill of public.t done: 1000 rows in 4 batches, 500 changed");
    }

    [Fact]
    public async Task A_text_key_is_walked_in_its_own_order()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var setup = "CREATE TABLE codes (code text PRIMARY KEY, hits int NOT NULL DEFAULT 0);\n" +
            "INSERT INTO codes (code) SELECT md5(g::text) FROM generate_series(1, 250) g;";

        await db.Migrator(Backfill(setup, "-- strata:batch size=50", "UPDATE codes SET hits = hits + 1;")).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM codes WHERE hits = 1")).ShouldBe(250);
    }

    [Fact]
    public async Task A_uuid_key_which_has_no_max_function_is_walked_too()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var setup = "CREATE TABLE items (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), hits int NOT NULL DEFAULT 0, xid bigint);\n" +
            "INSERT INTO items (hits) SELECT 0 FROM generate_series(1, 250);";

        await db.Migrator(Backfill(setup, "-- strata:batch size=100", "UPDATE items SET hits = hits + 1, xid = txid_current();")).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM items WHERE hits = 1")).ShouldBe(250);
        (await db.ScalarAsync<long>("SELECT count(DISTINCT xid) FROM items")).ShouldBe(3);
    }

    [Theory]
    [InlineData("CREATE TABLE t (id bigint, v int)", "table t has no primary key to run the statement in batches over")]
    [InlineData("CREATE TABLE t (a int, b int, v int, PRIMARY KEY (a, b))", "table t has a primary key of 2 columns; batches need a single-column key")]
    public async Task A_table_without_a_single_column_primary_key_is_refused_naming_it(string table, string reason)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        var error = await Should.ThrowAsync<MigrationFailedException>(
            () => db.Migrator(Backfill(table + ";", "-- strata:batch size=10", "UPDATE t SET v = 1;")).UpAsync());

        error.Message.ShouldBe($"migration 2_backfill cannot run at db/migrations/2_backfill.sql:3:1: '-- strata:batch' cannot run this UPDATE: {reason} " +
            "(hint: give the table a single-column primary key, or remove the '-- strata:batch' line to run the statement once)");
        (await db.HistoryVersionsAsync("running")).ShouldBeEmpty();
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
    }

    [Fact]
    public async Task A_cancelled_backfill_resumes_on_the_next_up_without_redoing_a_committed_batch()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var rows = Rows(2000);
        var source = Backfill(rows, "-- strata:batch size=100 pause=20", $"UPDATE t SET {Touch};");
        using var cancel = new CancellationTokenSource();

        var run = db.Migrator(source).UpAsync(cancellationToken: cancel.Token);
        await WaitForBatchesAsync(db, 3);
        await cancel.CancelAsync();
        OperationCanceledException? caught = null;
        try
        {
            await run;
        }
        catch (OperationCanceledException ex)
        {
            caught = ex;
        }

        caught.ShouldBeOfType<MigrationInterruptedException>().Message.ShouldContain("run up again to resume it after the last one");
        ((MigrationInterruptedException)caught).NextSteps.ShouldBe([new NextStep(NextStepKind.ResumeBackfill, "2")]);
        (await db.HistoryVersionsAsync("running")).ShouldBe(["2"]);
        var done = await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1");
        done.ShouldBeInRange(300, 1900);
        (done % 100).ShouldBe(0);
        (await db.ScalarAsync<long>("SELECT keys_done FROM strata_schema_migrations_backfill")).ShouldBe(done);
        // Each batch's changed rows are recorded with the next one: the last batch before the cancel has none.
        (await db.ScalarAsync<long>("SELECT rows_changed FROM strata_schema_migrations_backfill")).ShouldBe(done - 100);

        var problem = (await db.Migrator(source).ValidateAsync()).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain("it stopped in a batched backfill, which up resumes after its last committed batch");
        problem.Message.ShouldEndWith($"; backfill of public.t: {done} of about 2000 rows done in {done / 100} batches, up to id {done}");
        (await db.Migrator(source).StatusAsync()).Migrations[1].Progress.ShouldBe(
            $"up: 0 of 1 statements done; statement 1 at line 3 not finished; backfill of public.t: {done} of about 2000 rows done in {done / 100} batches, " +
            $"up to id {done}; no run holds the migration lock: it stopped");

        await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(source).ScriptAsync());

        var logger = new TestLogger();
        await db.Migrator(source, logger: logger).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1")).ShouldBe(2000);
        (await db.ScalarAsync<long>("SELECT count(DISTINCT xid) FROM t")).ShouldBe(20);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
        logger.WithEvent(1361).ShouldHaveSingleItem().Message.ShouldContain($"after key {done} ({done} rows done in {done / 100} batches)");
        logger.WithEvent(1363).ShouldBeEmpty();
        logger.WithEvent(1364).ShouldHaveSingleItem().Message.ShouldBe(
            $"Migration 2_backfill: backfill of public.t done: 2000 rows in 20 batches, {2000 - done} changed in this run and at least 1900 in all " +
            "(the last batch of each interrupted run is not counted)");
    }

    [Fact]
    public async Task A_resumed_backfill_runs_the_sections_earlier_settings_again_and_walks_the_table_the_first_run_did()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var setup = "CREATE SCHEMA shop;\nCREATE TABLE shop.t (id bigint PRIMARY KEY, hits int NOT NULL DEFAULT 0, xid bigint);\n" +
            "CREATE TABLE public.t (id bigint PRIMARY KEY, hits int NOT NULL DEFAULT 0, xid bigint);\n" +
            "INSERT INTO shop.t (id) SELECT g FROM generate_series(1, 2000) g;\nINSERT INTO public.t (id) SELECT g FROM generate_series(1, 2000) g;";
        var source = new TestMigrationSource()
            .Add("1_setup.sql", $"-- migrate:up\n{setup}\n")
            .Add("2_backfill.sql", $"-- migrate:up transaction:false\nSET search_path = shop;\n-- strata:batch size=100 pause=20\nUPDATE t SET {Touch};\n");
        await InterruptAsync(db, source);
        var logger = new TestLogger();

        await db.Migrator(source, logger: logger).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM shop.t WHERE hits = 1")).ShouldBe(2000);
        (await db.ScalarAsync<long>("SELECT count(*) FROM public.t WHERE hits <> 0")).ShouldBe(0);
        logger.WithEvent(1365).ShouldHaveSingleItem().Message.ShouldBe(
            "Migration 2_backfill: running statement 1 (line 2) again, a session setting the backfill it resumes ran under");
        logger.WithEvent(1361).ShouldHaveSingleItem().Message.ShouldContain("resuming the backfill of shop.t after key");
    }

    [Fact]
    public async Task A_resume_whose_table_name_now_names_another_table_is_refused_and_changes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Backfill(Rows(2000), "-- strata:batch size=100 pause=20", $"UPDATE t SET {Touch};");
        await InterruptAsync(db, source);
        var done = await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1");
        await db.ExecuteAsync("CREATE SCHEMA other; CREATE TABLE other.t (id bigint PRIMARY KEY, hits int NOT NULL DEFAULT 0, xid bigint); " +
            "INSERT INTO other.t (id) SELECT g FROM generate_series(1, 2000) g");
        await db.ExecuteAsync("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = other, public', current_database()); END $$");

        // The setting applies to new sessions only, not to those in the test database's pool.
        await using var fresh = NpgsqlDataSource.Create(db.ConnectionString);

        var error = await Should.ThrowAsync<MigrationFailedException>(() => new Migrator(fresh, source, EngineTestKit.FastOptions).UpAsync());

        error.Message.ShouldContain("the interrupted backfill walked public.t, but t now names other.t");
        (await db.ScalarAsync<long>("SELECT count(*) FROM other.t WHERE hits <> 0")).ShouldBe(0);
        (await db.ScalarAsync<long>("SELECT count(*) FROM public.t WHERE hits = 1")).ShouldBe(done);
        (await db.HistoryVersionsAsync("running")).ShouldBe(["2"]);
    }

    [Fact]
    public async Task A_progress_row_that_names_its_table_without_the_schema_as_older_versions_wrote_it_resumes()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Backfill(Rows(2000), "-- strata:batch size=100 pause=20", $"UPDATE t SET {Touch};");
        await InterruptAsync(db, source);
        await db.ExecuteAsync("UPDATE strata_schema_migrations_backfill SET table_name = 't'");

        await db.Migrator(source).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1")).ShouldBe(2000);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task A_resumed_backfill_records_the_time_it_ran_without_the_time_it_lay_stopped()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Backfill(Rows(2000), "-- strata:batch size=100 pause=20", $"UPDATE t SET {Touch};");
        await InterruptAsync(db, source);
        // As if the run had stopped an hour ago.
        await db.ExecuteAsync("UPDATE strata_schema_migrations SET applied_at = applied_at - interval '1 hour' WHERE version = '2'; " +
            "UPDATE strata_schema_migrations_backfill SET updated_at = updated_at - interval '1 hour'");

        await db.Migrator(source).UpAsync();

        (await db.ScalarAsync<long>("SELECT execution_time_ms FROM strata_schema_migrations WHERE version = '2'")).ShouldBeLessThan(60_000);
    }

    [Fact]
    public async Task A_retried_backfill_stopped_before_its_first_batch_starts_over_instead_of_resuming_the_forgotten_attempt()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Backfill(Rows(2000), "-- strata:batch size=100 pause=20", $"UPDATE t SET {Touch};");
        await InterruptAsync(db, source);
        var done = await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1");
        await db.Migrator(source).RepairAsync(RepairAction.Retry);

        // The retry stops before its backfill records a start: the table is locked past every lock_timeout.
        await using (var blocker = await db.DataSource.OpenConnectionAsync())
        {
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand("LOCK TABLE t IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            var options = EngineTestKit.FastOptions with { LockTimeout = TimeSpan.FromMilliseconds(100), LockRetryAttempts = 1 };
            await Should.ThrowAsync<LockNotAcquiredException>(() => db.Migrator(source, options).UpAsync());
        }

        var logger = new TestLogger();
        await db.Migrator(source, logger: logger).UpAsync();

        logger.WithEvent(1361).ShouldBeEmpty();
        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 2")).ShouldBe(done);
        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1")).ShouldBe(2000 - done);
    }

    [Fact]
    public async Task Repair_completing_an_interrupted_backfill_removes_its_progress()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Backfill(Rows(2000), "-- strata:batch size=100 pause=20", $"UPDATE t SET {Touch};");
        await InterruptAsync(db, source);

        (await db.Migrator(source).RepairAsync(RepairAction.Complete)).Resolved.ShouldBe(MigrationVersion.Parse("2"));

        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM strata_schema_migrations_backfill")).ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_blocked_past_lock_timeout_is_retried_and_earlier_batches_stay()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var rows = Rows(500);
        await db.Migrator(Backfill(rows, "-- strata:batch size=100", $"UPDATE t SET {Touch};")).UpAsync(MigrationTarget.Steps(1));
        await using var blocker = await db.DataSource.OpenConnectionAsync();
        var transaction = await blocker.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT * FROM t WHERE id = 250 FOR UPDATE", blocker, transaction))
        {
            await hold.ExecuteNonQueryAsync();
        }

        var pauses = 0;
        var options = EngineTestKit.FastOptions with
        {
            LockTimeout = TimeSpan.FromMilliseconds(100),
            LockRetryAttempts = 5,
            LockRetryDelay = async (_, token) =>
            {
                if (++pauses == 2)
                {
                    await transaction.CommitAsync(token);
                }
            },
        };
        var logger = new TestLogger();
        var started = DateTimeOffset.UtcNow;

        var result = await db.Migrator(Backfill(rows, "-- strata:batch size=100", $"UPDATE t SET {Touch};"), options, logger).UpAsync();

        result.Migrations.Single().Attempts.ShouldBe(3);
        logger.WithEvent(1321).Count.ShouldBe(2);
        (DateTimeOffset.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(20));
        (await db.ScalarAsync<long>("SELECT count(*) FROM t WHERE hits = 1")).ShouldBe(500);
        (await db.ScalarAsync<long>("SELECT count(DISTINCT xid) FROM t")).ShouldBe(5);
    }

    [Fact]
    public async Task Validate_advises_up_for_a_backfill_it_resumes_and_repair_for_any_other_interruption()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Backfill(Rows(10), "-- strata:batch size=5", $"UPDATE t SET {Touch};");
        await db.Migrator(source).UpAsync();
        await db.ExecuteAsync("UPDATE strata_schema_migrations SET status = 'running', statements_completed = 0");

        var problems = (await db.Migrator(source).ValidateAsync()).Problems;

        problems.Select(p => p.NextStep).ShouldBe([new NextStep(NextStepKind.Repair, "1"), new NextStep(NextStepKind.ResumeBackfill, "2")]);
    }

    [Fact]
    public async Task An_interrupted_ordinary_statement_is_still_refused_until_repaired()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.Migrator(new TestMigrationSource().Add("1_backfill.sql", "-- migrate:up\nSELECT 1;\n")).UpAsync(MigrationTarget.Steps(1));
        await db.ExecuteAsync("UPDATE strata_schema_migrations SET status = 'running', statements_completed = 0");

        await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(new TestMigrationSource().Add("1_backfill.sql", "-- migrate:up\nSELECT 1;\n")).UpAsync());
    }

    // Cancels the backfill once it committed a few batches, leaving the migration interrupted in it.
    private static async Task InterruptAsync(TestDatabase db, TestMigrationSource source)
    {
        using var cancel = new CancellationTokenSource();
        var run = db.Migrator(source).UpAsync(cancellationToken: cancel.Token);
        await WaitForBatchesAsync(db, 3);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => run);
    }

    private static async Task WaitForBatchesAsync(TestDatabase db, int batches)
    {
        for (var i = 0; i < 2000; i++)
        {
            if (await db.TableExistsAsync("strata_schema_migrations_backfill")
                && await db.ScalarAsync<int>("SELECT coalesce(max(batches), 0) FROM strata_schema_migrations_backfill") >= batches)
            {
                return;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"the backfill did not reach {batches} batches");
    }
}
