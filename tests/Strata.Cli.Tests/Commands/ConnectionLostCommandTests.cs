using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands;

public sealed class ConnectionLostCommandTests
{
    // A run waits for the WAL flush only at its last commit, so after a lost connection (perhaps a server that went
    // down) the migrations it completed are not promised to be kept: the output sends the user to status.
    [Fact]
    public async Task A_run_that_lost_its_connection_exits_3_and_sends_to_status_for_what_the_server_kept()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = new MigrationFiles();
        files.Add(1, "first", "-- migrate:up\nCREATE TABLE first (id int);\n");
        files.Add(2, "slow", "-- migrate:up\nCREATE TABLE slow (id int);\nSELECT pg_sleep(30);\n");
        var cli = new CliHarness(files.Root).With("DATABASE_URL", db.Url);

        var run = cli.RunAsync("up");
        var pid = await db.WaitForQueryAsync("pg_sleep(30)");
        await using (var terminate = db.DataSource.CreateCommand($"SELECT pg_terminate_backend({pid})"))
        {
            await terminate.ExecuteScalarAsync();
        }

        var result = await run;

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("applied 1 migration before the failure; run status to see which of them the server kept");
        result.Stderr.ShouldContain("Lost the connection to the database while running migration 2_slow");
        result.Stderr.ShouldContain("if the server itself went down, the migrations committed in its last moment may be undone too");
    }
}
