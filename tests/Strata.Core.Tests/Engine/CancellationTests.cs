using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_mid_statement_rolls_back_records_nothing_and_releases_the_lock()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_t.sql", "-- migrate:up\nCREATE TABLE t (id int);\n")
            .Add("2_slow.sql", "-- migrate:up\nCREATE TABLE slow (id int);\nSELECT pg_sleep(30);\n");
        using var cancel = new CancellationTokenSource();

        var run = db.Migrator(source).UpAsync(cancellationToken: cancel.Token);
        await db.WaitForQueryAsync("pg_sleep(30)");
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => run);
        (await db.TableExistsAsync("slow")).ShouldBeFalse();
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
        var immediately = EngineTestKit.FastOptions with { AdvisoryLockWait = TimeSpan.Zero };
        (await db.Migrator(new TestMigrationSource().Add("1_t.sql", "-- migrate:up\nCREATE TABLE t (id int);\n"), immediately).UpAsync())
            .Migrations.ShouldBeEmpty();
    }

    [Fact]
    public async Task Losing_the_connection_mid_migration_is_a_connection_failure_and_a_rerun_completes()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        const string slowOnce = "-- migrate:up\nCREATE TABLE later (id int);\n" +
            "DO $$ BEGIN IF to_regclass('public.sleep_flag') IS NOT NULL THEN PERFORM pg_sleep(30); END IF; END $$;\n";
        var source = new TestMigrationSource()
            .Add("1_flag.sql", "-- migrate:up\nCREATE TABLE sleep_flag (id int);\n")
            .Add("2_later.sql", slowOnce);
        var migrator = db.Migrator(source);

        var run = migrator.UpAsync();
        var pid = await db.WaitForQueryAsync("pg_sleep(30)");
        await db.ExecuteAsync($"SELECT pg_terminate_backend({pid})");

        var error = await Should.ThrowAsync<Errors.ConnectionFailedException>(() => run);
        error.Message.ShouldContain("Lost the connection to the database while running migration 2_later");
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
        await db.ExecuteAsync("DROP TABLE sleep_flag");
        (await migrator.UpAsync()).Migrations.Single().Version.Value.ShouldBe("2");
    }
}
