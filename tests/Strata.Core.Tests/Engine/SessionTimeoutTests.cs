using Npgsql;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

/// <summary>
/// A run sets its lock and statement timeouts once for the session; these ask the server which timeouts each
/// migration really ran with, and what the connections hold once the run is over.
/// </summary>
public sealed class SessionTimeoutTests
{
    private const string Seen = "INSERT INTO seen VALUES ({0}, current_setting('lock_timeout'), current_setting('statement_timeout'));\n";

    private static string Up(int version, string options = "") =>
        $"-- migrate:up {options}\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Seen, version) +
        "-- migrate:down\nSELECT 1;\n";

    private static TestMigrationSource Recording() => new TestMigrationSource()
        .Add("1_seen.sql", "-- migrate:up\nCREATE TABLE seen (version int, lock_timeout text, statement_timeout text);\n" +
            string.Format(System.Globalization.CultureInfo.InvariantCulture, Seen, 1) + "-- migrate:down\nDROP TABLE seen;\n")
        .Add("2_own.sql", Up(2, "lock_timeout:5s statement_timeout:1min"))
        .Add("3_default.sql", Up(3))
        .Add("4_own_lock.sql", Up(4, "lock_timeout:7s"))
        .Add("5_default.sql", Up(5));

    [Fact]
    public async Task Each_migration_runs_with_the_run_timeouts_unless_its_own_options_override_them()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        await db.Migrator(Recording()).UpAsync();

        (await SeenAsync(db)).ShouldBe(["1 2s 0", "2 5s 1min", "3 2s 0", "4 7s 0", "5 2s 0"]);
    }

    [Fact]
    public async Task A_migration_after_a_transaction_false_one_gets_the_run_timeouts_again()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Recording()
            .Add("3_default.sql", "-- migrate:up transaction:false lock_timeout:9s\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Seen, 3));

        await db.Migrator(source).UpAsync();

        (await SeenAsync(db)).ShouldBe(["1 2s 0", "2 5s 1min", "3 9s 0", "4 7s 0", "5 2s 0"]);
    }

    [Fact]
    public async Task A_single_migration_gets_the_run_timeouts()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_seen.sql", "-- migrate:up\nCREATE TABLE seen (version int, lock_timeout text, statement_timeout text);\n" +
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Seen, 1));

        await db.Migrator(source, EngineTestKit.FastOptions with { StatementTimeout = TimeSpan.FromSeconds(30) }).UpAsync();

        (await SeenAsync(db)).ShouldBe(["1 2s 30s"]);
    }

    [Fact]
    public async Task Connections_go_back_to_a_pool_that_does_not_reset_them_with_their_own_timeouts()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync($"ALTER DATABASE \"{db.Name}\" SET lock_timeout = '11s'");
        await using var pool = NoResetPool(db);

        await new Migrator(pool, Recording(), EngineTestKit.FastOptions).UpAsync();

        (await PooledTimeoutsAsync(pool)).ShouldBe(["11s 0", "11s 0", "11s 0"]);
        (await SeenAsync(db)).ShouldBe(["1 2s 0", "2 5s 1min", "3 2s 0", "4 7s 0", "5 2s 0"]);
    }

    [Theory]
    [InlineData("2_own.sql")] // the session already holds the run's timeouts: the batch sends none of its own
    [InlineData("1_seen.sql")] // the first migration sets them for the session in its batch
    public async Task A_failure_part_way_names_the_exact_line_and_leaves_the_connections_their_own_timeouts(string failing)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync($"ALTER DATABASE \"{db.Name}\" SET lock_timeout = '11s'");
        await using var pool = NoResetPool(db);
        var source = Recording()
            .Add(failing, "-- migrate:up\nCREATE TABLE IF NOT EXISTS seen (version int, lock_timeout text, statement_timeout text);\n\n  SELECT * FROM missing_table;\n");

        var error = await Should.ThrowAsync<MigrationFailedException>(() => new Migrator(pool, source, EngineTestKit.FastOptions).UpAsync());

        error.File.ShouldBe("db/migrations/" + failing);
        (error.Line, error.Column).ShouldBe((4, 17));
        (await PooledTimeoutsAsync(pool)).ShouldBe(["11s 0", "11s 0", "11s 0"]);
    }

    // Connections that are never reset on their way back to the pool; a run holds two (the lock's and the work one).
    private static NpgsqlDataSource NoResetPool(TestDatabase db) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString) { MaxPoolSize = 3, NoResetOnClose = true }.ConnectionString);

    // Every connection of the pool at once, so each one the run used is among them.
    private static async Task<List<string>> PooledTimeoutsAsync(NpgsqlDataSource pool)
    {
        await using var first = await pool.OpenConnectionAsync();
        await using var second = await pool.OpenConnectionAsync();
        await using var third = await pool.OpenConnectionAsync();
        var timeouts = new List<string>();
        foreach (var connection in new[] { first, second, third })
        {
            await using var command = new NpgsqlCommand("SELECT current_setting('lock_timeout') || ' ' || current_setting('statement_timeout')", connection);
            timeouts.Add((string)(await command.ExecuteScalarAsync())!);
        }

        return timeouts;
    }

    private static async Task<List<string>> SeenAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand("SELECT version || ' ' || lock_timeout || ' ' || statement_timeout FROM seen ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
