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
