using Npgsql;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class SessionsTests
{
    [Fact]
    public async Task Shows_a_session_blocked_on_a_lock_and_marks_the_session_blocking_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE accounts (id int PRIMARY KEY, balance int); INSERT INTO accounts VALUES (1, 100)");
        await using var blocker = await OpenAsync(db, "holder");
        await using var transaction = await blocker.BeginTransactionAsync();
        await ExecuteAsync(blocker, "UPDATE accounts SET balance = 50 WHERE id = 1");
        await using var waiter = await OpenAsync(db, "waiter");
        var blocked = ExecuteAsync(waiter, "UPDATE accounts SET balance = 0 WHERE id = 1");
        await WaitUntilBlockedAsync(db, "waiter");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var result = await lifecycle.SessionsAsync();

        var holder = result.Sessions.Single(s => s.Application == "holder");
        var waiting = result.Sessions.Single(s => s.Application == "waiter");
        holder.IsBlocking.ShouldBeTrue();
        holder.State.ShouldBe("idle in transaction");
        holder.TransactionAge.ShouldNotBeNull();
        holder.Query.ShouldBe("UPDATE accounts SET balance = 50 WHERE id = 1");
        waiting.BlockedBy.ShouldBe([holder.Pid]);
        waiting.IsBlocking.ShouldBeFalse();
        waiting.WaitEvent.ShouldNotBeNull().ShouldStartWith("Lock:");
        waiting.State.ShouldBe("active");
        waiting.Database.ShouldBe(db.Name);
        result.Sessions.ShouldAllBe(s => s.Database == db.Name);

        await transaction.RollbackAsync();
        await blocked;
    }

    [Fact]
    public async Task Cuts_queries_to_80_characters_on_one_line()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var other = await OpenAsync(db, "long-query");
        await ExecuteAsync(other, "SELECT 1 AS a,\n       2 AS b, '" + new string('x', 200) + "' AS c");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var session = (await lifecycle.SessionsAsync()).Sessions.Single(s => s.Application == "long-query");

        session.Query.ShouldNotBeNull().Length.ShouldBe(80);
        session.Query.ShouldStartWith("SELECT 1 AS a, 2 AS b, 'xxx");
        session.State.ShouldBe("idle");
    }

    // The literal starts before the 80th character and ends after it: the query is masked whole, then cut.
    [Fact]
    public async Task Masks_a_password_literal_in_a_query_even_where_the_cut_falls_inside_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var other = await OpenAsync(db, "role-admin");
        await using var transaction = await other.BeginTransactionAsync();
        var role = "sess_r_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync(other, $"CREATE ROLE {role} /* {new string('-', 30)} */ PASSWORD 'Sess-secret-81'");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var session = (await lifecycle.SessionsAsync()).Sessions.Single(s => s.Application == "role-admin");

        session.Query.ShouldNotBeNull().ShouldContain("PASSWORD '****");
        session.Query.ShouldNotContain("'Sess");
        await transaction.RollbackAsync();
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

    private static async Task WaitUntilBlockedAsync(TestDatabase db, string application)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await db.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{application}' AND wait_event_type = 'Lock'") == 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
