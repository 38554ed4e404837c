using Npgsql;
using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Commands.Db;

public sealed class DbSessionsCommandTests
{
    [Fact]
    public async Task Shows_the_blocked_session_and_marks_its_blocker_in_text_and_json()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await DbCli.ExecuteAsync(db, "CREATE TABLE jobs (id int PRIMARY KEY); INSERT INTO jobs VALUES (1)");
        await using var holder = await OpenAsync(db, "lock-holder");
        await using var transaction = await holder.BeginTransactionAsync();
        await ExecuteAsync(holder, "LOCK TABLE jobs IN ACCESS EXCLUSIVE MODE");
        await using var waiter = await OpenAsync(db, "lock-waiter");
        var blocked = ExecuteAsync(waiter, "SELECT count(*) FROM jobs");
        await WaitUntilBlockedAsync(db);
        var holderPid = holder.ProcessID;
        var cli = new CliHarness().With("DATABASE_URL", db.Url);

        var text = await cli.RunAsync("db", "sessions");
        var json = await cli.RunAsync("--json", "db", "sessions");

        text.ExitCode.ShouldBe(0, text.ToString());
        // Rows start with the pid; the test's own polling query mentions the application names too.
        var lines = text.Stdout.Split('\n');
        lines.Single(l => l.StartsWith($"{holderPid} ", StringComparison.Ordinal)).ShouldContain("BLOCKING");
        lines.Single(l => l.Contains("lock-waiter", StringComparison.Ordinal) && l.Contains("SELECT count(*) FROM jobs", StringComparison.Ordinal))
            .ShouldContain($"blocked by {holderPid}");
        text.Stdout.ShouldContain("1 blocked");
        var sessions = DbCli.Event(json, "db.sessions").GetProperty("sessions").EnumerateArray().ToList();
        var waiting = sessions.Single(s => s.GetProperty("application").GetString() == "lock-waiter");
        waiting.GetProperty("blockedBy").EnumerateArray().Select(p => p.GetInt32()).ShouldBe([holderPid]);
        waiting.GetProperty("waitEvent").GetString().ShouldNotBeNull().ShouldStartWith("Lock:");
        waiting.GetProperty("query").GetString().ShouldBe("SELECT count(*) FROM jobs");
        sessions.Single(s => s.GetProperty("pid").GetInt32() == holderPid).GetProperty("blocking").GetBoolean().ShouldBeTrue();

        await transaction.RollbackAsync();
        await blocked;
    }

    private static async Task<NpgsqlConnection> OpenAsync(TestDatabase db, string application)
    {
        var connection = new NpgsqlConnection($"{db.ConnectionString};Pooling=false;Application Name={application}");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntilBlockedAsync(TestDatabase db)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await DbCli.ScalarAsync<long>(db, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'lock-waiter' AND wait_event_type = 'Lock'") == 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
