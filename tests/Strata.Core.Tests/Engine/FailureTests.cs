using Npgsql;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class FailureTests
{
    // The third statement starts on line 7, column 5; "missing_table" is its 15th character.
    private const string Failing = """
        -- migrate:up
        CREATE TABLE a (id int);

        INSERT INTO a VALUES (1);

        -- the next statement is indented by four spaces
            SELECT * FROM missing_table;
        CREATE TABLE b (id int);
        """;

    [Fact]
    public async Task A_failing_statement_rolls_back_the_migration_and_its_history_row()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_ok.sql", "-- migrate:up\nCREATE TABLE ok (id int);\n")
            .Add("20240101120000_add_users.sql", Failing);

        var error = await Should.ThrowAsync<MigrationFailedException>(() => db.Migrator(source).UpAsync());

        error.Version.ShouldBe("20240101120000");
        error.File.ShouldBe("db/migrations/20240101120000_add_users.sql");
        (error.Line, error.Column).ShouldBe((7, 19));
        error.SqlState.ShouldBe("42P01");
        error.Code.ShouldBe("migration-failed");
        error.Message.ShouldBe(
            "migration 20240101120000_add_users failed at db/migrations/20240101120000_add_users.sql:7:19: 42P01 relation \"missing_table\" does not exist");
        (await db.TableExistsAsync("a")).ShouldBeFalse();
        (await db.TableExistsAsync("ok")).ShouldBeTrue();
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
    }

    [Fact]
    public async Task An_error_without_a_position_points_at_the_statement_and_carries_detail()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource().Add(
            "1_dupes.sql", "-- migrate:up\nCREATE TABLE d (id int PRIMARY KEY);\n  INSERT INTO d VALUES (1), (1);\n");

        await using var withDetail = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString) { IncludeErrorDetail = true }.ConnectionString);

        var error = await Should.ThrowAsync<MigrationFailedException>(() => new Migrator(withDetail, source, EngineTestKit.FastOptions).UpAsync());
        var withoutDetail = await Should.ThrowAsync<MigrationFailedException>(() => db.Migrator(source).UpAsync());

        (error.Line, error.Column, error.SqlState).ShouldBe((3, 3, "23505"));
        error.Detail.ShouldBe("Key (id)=(1) already exists.");
        error.Message.ShouldEndWith("(detail: Key (id)=(1) already exists.)");
        withoutDetail.Detail.ShouldBeNull();
        withoutDetail.Message.ShouldEndWith("duplicate key value violates unique constraint \"d_pkey\"");
    }

    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY i ON t (id);", "CREATE INDEX CONCURRENTLY cannot run inside a transaction")]
    [InlineData("VACUUM t;", "VACUUM cannot run inside a transaction")]
    [InlineData("COMMIT;", "COMMIT would end the transaction")]
    public async Task A_statement_that_cannot_run_in_the_migrations_transaction_is_refused_before_anything_runs(string statement, string reason)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_t.sql", "-- migrate:up\nCREATE TABLE t (id int);\n")
            .Add("2_bad.sql", $"-- migrate:up\nALTER TABLE t ADD COLUMN x int;\n{statement}\n");

        var error = await Should.ThrowAsync<MigrationFailedException>(() => db.Migrator(source).UpAsync());

        error.Message.ShouldContain($"migration 2_bad cannot run at db/migrations/2_bad.sql:3:1: {reason}");
        error.Hint!.ShouldContain("transaction:false");
        error.SqlState.ShouldBeNull();
        (await db.TableExistsAsync("t")).ShouldBeFalse();
    }
}
