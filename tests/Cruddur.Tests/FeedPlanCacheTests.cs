using Cruddur.Activities;
using Cruddur.Tests.Support;
using Npgsql;

namespace Cruddur.Tests;

// PostgreSQL's own count of generic and custom plans per prepared statement (pg_prepared_statements) is the oracle:
// a custom plan is a planning pass on that execution, a generic plan is the cached one reused.
public sealed class FeedPlanCacheTests(RunningApp app) : IClassFixture<RunningApp>, IAsyncLifetime
{
    private const int Executions = 12;

    // As many rows as the feed benchmark, with fresh statistics, so the planner weighs the plans on a feed's numbers
    // rather than on a table so small that every plan is cheap.
    private const int Activities = 100_000;

    // PostgreSQL tries five custom plans before it compares them with the generic one.
    private const int TrialPlans = 5;

    // Npgsql prepares a statement automatically on its fifth run on a connection; the runs before it are not prepared.
    private static readonly int UnpreparedRuns = new NpgsqlConnectionStringBuilder().AutoPrepareMinUsages - 1;

    private NpgsqlDataSource? _pool;

    // Cruddur's pool (multiplexed, preparing automatically) with one physical connection, so every call prepares on and
    // executes on the same backend, whose pg_prepared_statements the test reads.
    private NpgsqlDataSource Pool => _pool!;

    public async Task InitializeAsync()
    {
        var connection = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString) { MaxPoolSize = 1, Multiplexing = true, MaxAutoPrepare = 20 };
        _pool = NpgsqlDataSource.Create(connection.ConnectionString);

        // Once per class (the database is the class's): shaped like the feed benchmark's data, with many authors,
        // activities a minute apart and fresh statistics.
        await using var seeded = app.Database.DataSource.CreateCommand("SELECT EXISTS (SELECT FROM users WHERE handle = 'plans_1')");
        if ((bool)(await seeded.ExecuteScalarAsync())!)
        {
            return;
        }

        await using var insert = app.Database.DataSource.CreateBatch();
        insert.BatchCommands.Add(new NpgsqlBatchCommand("""
            INSERT INTO users (display_name, handle)
            SELECT 'Plan Author ' || n, 'plans_' || n FROM generate_series(1, 1000) AS n
            """));
        insert.BatchCommands.Add(new NpgsqlBatchCommand($"""
            INSERT INTO activities (user_uuid, content, created_at)
            SELECT u.uuid, 'plan message ' || n || ': ' || repeat('lorem ipsum ', 1 + n % 12), now() - (n / 2) * interval '50 seconds'
            FROM generate_series(1, {Activities}) AS n
            JOIN (SELECT uuid, row_number() OVER (ORDER BY handle) - 1 AS i FROM users WHERE handle LIKE 'plans\_%') u ON u.i = n % 1000
            """));
        insert.BatchCommands.Add(new NpgsqlBatchCommand("ANALYZE users"));
        insert.BatchCommands.Add(new NpgsqlBatchCommand("ANALYZE activities"));
        await insert.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_pool is not null)
        {
            await _pool.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_first_page_is_planned_once_per_connection_and_never_again()
    {
        var store = new ActivityStore(Pool);
        for (var i = 0; i < Executions; i++)
        {
            (await store.FeedAsync(20, null, CancellationToken.None)).Items.Count.ShouldBe(20);
        }

        var (generic, custom) = await PlansAsync(ActivityStore.FeedSql(21));
        custom.ShouldBe(0);
        generic.ShouldBe(Executions - UnpreparedRuns);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(100)]
    public async Task A_page_after_a_cursor_settles_on_the_cached_plan_whatever_the_cursor_and_size(int limit)
    {
        var store = new ActivityStore(Pool);
        var page = await store.FeedAsync(1, null, CancellationToken.None);
        for (var i = 0; i < Executions; i++)
        {
            // A different cursor every time, so no plan could be reused for equal values.
            FeedCursor.TryDecode(page.NextCursor!, out var cursor).ShouldBeTrue();
            (await store.FeedAsync(limit, cursor, CancellationToken.None)).Items.Count.ShouldBe(limit);
            page = await store.FeedAsync(1, cursor, CancellationToken.None);
        }

        var (generic, custom) = await PlansAsync(ActivityStore.FeedAfterSql(limit + 1));
        custom.ShouldBeLessThanOrEqualTo(TrialPlans);
        generic.ShouldBe(Executions - UnpreparedRuns - custom);
    }

    private async Task<(long Generic, long Custom)> PlansAsync(string sql)
    {
        await using var command = Pool.CreateCommand("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = sql });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue($"the statement is not prepared on the connection: {sql}");
        var plans = (reader.GetInt64(0), reader.GetInt64(1));
        (await reader.ReadAsync()).ShouldBeFalse();
        return plans;
    }
}
