using Npgsql;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

/// <summary>
/// What <c>status</c> says of an interrupted migration besides its state: how far it got, and whether a run holds the
/// migration lock now, which tells a migration still running from one whose run died.
/// </summary>
public sealed class StatusProgressTests
{
    private static TestMigrationSource Notes() => new TestMigrationSource()
        .Add("1_notes.sql", "-- migrate:up\nCREATE TABLE notes (id int PRIMARY KEY, author text);\nINSERT INTO notes VALUES (1, 'a'), (2, 'a');\n");

    [Fact]
    public async Task A_migration_whose_run_stopped_says_how_far_it_got_and_that_no_run_holds_the_lock()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Notes().Add("2_split.sql", "-- migrate:up transaction:false\nALTER TABLE notes ADD COLUMN title text;\n\nSELECT * FROM no_such_table;\n");
        await Should.ThrowAsync<Exception>(() => db.Migrator(source).UpAsync());

        var status = await db.Migrator(source).StatusAsync();

        status.Migrations[0].Progress.ShouldBeNull();
        var interrupted = status.Migrations[1];
        interrupted.State.ShouldBe(MigrationState.Interrupted);
        interrupted.Progress.ShouldBe("up: 1 of 2 statements done; statement 2 at line 4 not finished; no run holds the migration lock: it stopped");
    }

    [Fact]
    public async Task A_failed_concurrent_index_build_names_the_invalid_index_it_left()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Notes().Add("2_unique.sql", "-- migrate:up transaction:false\nCREATE UNIQUE INDEX CONCURRENTLY notes_author ON notes (author);\n");
        await Should.ThrowAsync<Exception>(() => db.Migrator(source).UpAsync());

        var status = await db.Migrator(source).StatusAsync();

        status.Migrations[1].Progress.ShouldBe(
            "up: 0 of 1 statements done; statement 1 at line 2 not finished; invalid index(es) left behind: public.notes_author on notes; " +
            "no run holds the migration lock: it stopped");
    }

    [Fact]
    public async Task A_migration_running_now_names_the_run_that_holds_the_lock_and_is_no_problem_for_validate()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.Migrator(Notes()).UpAsync();
        var source = Notes().Add("2_index.sql", "-- migrate:up transaction:false lock_timeout:60s\nCREATE INDEX CONCURRENTLY notes_by_author ON notes (author);\n");

        // An open transaction that wrote to the table: the concurrent build waits for it to end.
        await using var writer = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO notes VALUES (3, 'b')", writer, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var run = db.Migrator(source).UpAsync();
        await db.WaitForQueryAsync("CREATE INDEX CONCURRENTLY notes_by_author");
        var holder = await db.ScalarAsync<int>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");

        var status = await db.Migrator(source).StatusAsync();

        var progress = status.Migrations[1].Progress.ShouldNotBeNull();
        progress.ShouldStartWith(
            $"up: 0 of 1 statements done; statement 1 at line 2 not finished; a run holds the migration lock now, most likely still running it (pid {holder}, ");
        progress.ShouldNotContain("invalid index");
        status.Migrations[1].RunningBy.ShouldNotBeNull().ShouldStartWith($"pid {holder}, ");
        var validation = await db.Migrator(source).ValidateAsync();
        validation.IsValid.ShouldBeTrue(string.Join("\n", validation.Problems.Select(p => p.Message)));
        validation.Running.ShouldHaveSingleItem().ShouldStartWith(
            $"migration 2_index is running up now (0 of 1 statements done so far): a run holds the migration lock (pid {holder}, ");
        await transaction.CommitAsync();
        (await run).Migrations.Single().Version.ShouldBe(MigrationVersion.Parse("2"));
        (await db.Migrator(source).StatusAsync()).Migrations.ShouldAllBe(m => m.Progress == null);
    }
}
