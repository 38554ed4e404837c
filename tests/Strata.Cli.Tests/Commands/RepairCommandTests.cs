using Strata.Cli.Tests.Commands.Db;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class RepairCommandTests
{
    [Fact]
    public async Task Retrying_an_interrupted_down_says_the_next_down_runs_it_again_not_up()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        var cli = await InterruptedDownAsync(db, files);

        var retry = await cli.RunAsync("repair", "--retry");

        retry.ExitCode.ShouldBe(0, retry.ToString());
        retry.Stdout.ShouldContain("the next 'strata down' runs its down section again from its first statement", customMessage: retry.ToString());
        retry.Stdout.ShouldNotContain("'strata up'", customMessage: retry.ToString());
        (await DbCli.ScalarAsync<string>(db, "SELECT status FROM strata_schema_migrations WHERE version = '2'")).ShouldBe("applied");
    }

    [Fact]
    public async Task Completing_an_interrupted_down_says_it_is_rolled_back_not_applied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        var cli = await InterruptedDownAsync(db, files);

        var complete = await cli.RunAsync("repair", "--complete");

        complete.ExitCode.ShouldBe(0, complete.ToString());
        complete.Stdout.ShouldContain("marked 2 rolled back", customMessage: complete.ToString());
        (await DbCli.ScalarAsync<long>(db, "SELECT count(*) FROM strata_schema_migrations WHERE version = '2'")).ShouldBe(0);
    }

    // Up resumes a stopped backfill only from the file that started it; once the file is edited, up refuses it.
    [Fact]
    public async Task Repair_says_up_resumes_a_stopped_backfill_only_while_its_file_is_unchanged()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "notes", "-- migrate:up\nCREATE TABLE notes (id bigint PRIMARY KEY, n int);\nINSERT INTO notes (id) SELECT generate_series(1, 5);\n-- migrate:down\nDROP TABLE notes;\n");
        var fill = files.Add(2, "fill", "-- migrate:up transaction:false\n-- strata:batch size=1 pause=0\nUPDATE notes SET n = 10 / (id - 3) WHERE n IS NULL;\n-- migrate:down\nSELECT 1;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(1);

        var unchanged = await cli.RunAsync("repair", "--database-url", db.Url);
        await File.WriteAllTextAsync(fill, (await File.ReadAllTextAsync(fill)).Replace("id - 3", "id + 3", StringComparison.Ordinal));
        var edited = await cli.RunAsync("repair");
        var up = await cli.RunAsync("up");

        unchanged.ExitCode.ShouldBe(0, unchanged.ToString());
        unchanged.Stdout.ShouldContain($"'strata up --database-url {db.Url}' resumes it after the last committed batch", customMessage: unchanged.ToString());
        edited.Stdout.ShouldContain("'strata up' does not resume it, as the file changed since", customMessage: edited.ToString());
        up.ExitCode.ShouldBe(5, up.ToString());
    }

    // A row says running both while its run goes on and after the run died; only the lock tells them apart.
    [Fact]
    public async Task Repair_says_a_migration_is_still_running_while_a_run_holds_the_lock()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "slow", "-- migrate:up transaction:false\nCREATE TABLE s1 (id int);\nSELECT pg_sleep(30);\n-- migrate:down\nDROP TABLE s1;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        var up = cli.RunAsync("up");
        for (var i = 0; i < 1000 && await DbCli.ScalarAsync<long>(db, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()") == 0; i++)
        {
            await Task.Delay(20);
        }

        var repair = await cli.RunAsync("repair");
        var json = await cli.RunAsync("repair", "--json");
        await DbCli.ScalarAsync<bool>(db, "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid() AND datname = current_database()");
        (await up).ExitCode.ShouldBe(1);

        repair.ExitCode.ShouldBe(0, repair.ToString());
        repair.Stdout.ShouldContain("a run holds the migration lock now (pid ", customMessage: repair.ToString());
        repair.Stdout.ShouldContain("most likely still running this migration", customMessage: repair.ToString());
        repair.Stdout.ShouldNotContain("--complete", customMessage: repair.ToString());
        json.Stdout.ShouldContain("\"lockHolder\":\"pid ", customMessage: json.ToString());
    }

    // Migration 2's down stops at its second statement, leaving it reverting.
    private static async Task<CliHarness> InterruptedDownAsync(TestDatabase db, MigrationFiles files)
    {
        files.Add(1, "items", "-- migrate:up\nCREATE TABLE items (id int, code text);\n-- migrate:down\nDROP TABLE items;\n");
        files.Add(2, "items_code", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY items_code ON items (code);\n" +
            "-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY items_code;\nDROP TABLE missing;\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);
        (await cli.RunAsync("up")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("down")).ExitCode.ShouldBe(1);
        return cli;
    }
}
