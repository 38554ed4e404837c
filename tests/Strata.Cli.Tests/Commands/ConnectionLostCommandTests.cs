using Npgsql;
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
        await TerminateAsync(db, "pg_sleep(30)");
        var result = await run;

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("applied 1 migration before the failure; run status to see which of them the server kept");
        result.Stderr.ShouldContain("Lost the connection to the database while running migration 2_slow");
        result.Stderr.ShouldContain("if the server itself went down, the migrations committed in its last moment may be undone too");
    }

    private static async Task TerminateAsync(TestDatabase db, string fragment)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = await db.DataSource.OpenConnectionAsync(timeout.Token);
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = "%" + fragment + "%" });
            if (await command.ExecuteScalarAsync(timeout.Token) is true)
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
