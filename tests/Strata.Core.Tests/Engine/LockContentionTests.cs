using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Planning;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class LockContentionTests
{
    private static TestMigrationSource AddColumn() => new TestMigrationSource()
        .Add("1_t.sql", "-- migrate:up\nCREATE TABLE t (id int);\n")
        .Add("2_t_name.sql", "-- migrate:up\nALTER TABLE t ADD COLUMN name text;\n");

    private static MigratorOptions Options(Func<TimeSpan, CancellationToken, Task>? delay = null) => EngineTestKit.FastOptions with
    {
        LockTimeout = TimeSpan.FromMilliseconds(200),
        LockRetryAttempts = 3,
        LockRetryDelay = delay ?? ((_, _) => Task.CompletedTask),
    };

    // Another session reads the table in an open transaction, holding ACCESS SHARE until it ends.
    private static async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> BlockAsync(TestDatabase db)
    {
        var connection = await db.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var read = new NpgsqlCommand("SELECT * FROM t", connection, transaction);
        await read.ExecuteNonQueryAsync();
        return (connection, transaction);
    }

    [Fact]
    public async Task A_migration_blocked_by_a_reader_retries_then_fails_with_nothing_recorded()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.Migrator(AddColumn()).UpAsync(MigrationTarget.Steps(1));
        var (blocker, _) = await BlockAsync(db);
        await using var _blocker = blocker;
        var logger = new TestLogger();

        var error = await Should.ThrowAsync<LockNotAcquiredException>(() => db.Migrator(AddColumn(), Options(), logger).UpAsync());

        error.Message.ShouldContain("Migration 2_t_name could not get its locks within lock_timeout 200ms in 3 attempt(s)");
        error.Message.ShouldContain("nothing of it was applied or recorded");
        logger.WithEvent(1321).Count.ShouldBe(2);
        logger.WithEvent(1322).ShouldHaveSingleItem();
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'name'")).ShouldBe(0);
    }

    [Fact]
    public async Task A_migration_succeeds_when_the_blocker_ends_between_attempts()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.Migrator(AddColumn()).UpAsync(MigrationTarget.Steps(1));
        var (blocker, transaction) = await BlockAsync(db);
        await using var _blocker = blocker;
        var pauses = 0;

        async Task ReleaseAfterSecondAttempt(TimeSpan pause, CancellationToken token)
        {
            if (++pauses == 2)
            {
                await transaction.CommitAsync(token);
            }
        }

        var result = await db.Migrator(AddColumn(), Options(ReleaseAfterSecondAttempt)).UpAsync();

        result.Migrations.Single().Attempts.ShouldBe(3);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task A_statement_of_a_non_transactional_migration_is_retried_alone()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = AddColumn().Add("2_t_name.sql",
            "-- migrate:up transaction:false\nCREATE TABLE u (id int);\nALTER TABLE t ADD COLUMN name text;\n");
        await db.Migrator(source).UpAsync(MigrationTarget.Steps(1));
        var (blocker, transaction) = await BlockAsync(db);
        await using var _blocker = blocker;

        var result = await db.Migrator(source, Options(async (_, token) => await transaction.CommitAsync(token))).UpAsync();

        result.Migrations.Single().Attempts.ShouldBe(2);
        (await db.ScalarAsync<string>("SELECT status || ':' || statements_completed FROM strata_schema_migrations WHERE version = '2'")).ShouldBe("applied:2");
    }
}
