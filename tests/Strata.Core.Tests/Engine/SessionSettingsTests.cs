using Npgsql;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

/// <summary>
/// A run sets its lock and statement timeouts and <c>synchronous_commit</c> once for the session; these ask the server
/// which values each migration really ran and committed with, and what the connections hold once the run is over.
/// </summary>
public sealed class SessionSettingsTests
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

    // A setting a migration makes for the session would otherwise reach the migrations after it only when they run in
    // the same `up`: on a database migrated one file at a time they would never see it.
    [Theory]
    [InlineData("SET lock_timeout = '10min';", "2 10min 0")]
    [InlineData("SET SESSION statement_timeout = '1h';", "2 2s 1h")]
    [InlineData("RESET lock_timeout;", "2 0 0")]
    [InlineData("SELECT pg_catalog.set_config('lock_timeout', '10min', false);", "2 10min 0")]
    [InlineData("DO $$ BEGIN PERFORM set_config('statement_timeout', '1h', false); END $$;", "2 2s 1h")]
    public async Task A_setting_a_migration_makes_for_the_session_ends_with_it(string statement, string seenByIt)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = Recording()
            .Add("2_own.sql", $"-- migrate:up\n{statement}\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Seen, 2));

        await db.Migrator(source).UpAsync();

        (await SeenAsync(db)).ShouldBe(["1 2s 0", seenByIt, "3 2s 0", "4 7s 0", "5 2s 0"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("transaction:false")]
    public async Task The_search_path_a_migration_sets_ends_with_it(string options)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var pool = NoResetPool(db);
        var source = new TestMigrationSource()
            .Add("1_other.sql", $"-- migrate:up {options}\nCREATE SCHEMA other;\nSET search_path = other;\nCREATE TABLE inside (id int);\n")
            .Add("2_placed.sql", "-- migrate:up\nCREATE TABLE placed AS SELECT current_setting('search_path') AS search_path, current_setting('client_connection_check_interval') AS watch;\n");

        // The pool is an app's that does not reset its connections, as a web host migrating on start may share it.
        await new Migrator(pool, source, EngineTestKit.FastOptions).UpAsync();

        (await db.ScalarAsync<string>("SELECT to_regclass('other.inside')::text")).ShouldBe("other.inside");
        (await db.ScalarAsync<string>("SELECT search_path || ' | ' || watch FROM public.placed")).ShouldBe("\"$user\", public | 1s");
        (await PooledSettingsAsync(pool, "current_setting('search_path')")).ShouldAllBe(searchPath => searchPath == "\"$user\", public");
    }

    // What pg_dump 15.14 and later writes around a schema, pasted as a first migration: its \restrict lines are passed
    // over, and its empty search_path does not reach the migration after it.
    [Fact]
    public async Task A_schema_dump_pasted_into_a_migration_runs_and_leaves_no_setting_behind()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var dump = "--\n-- PostgreSQL database dump\n--\n\n\\restrict q7Zk2\n\nSET statement_timeout = 0;\nSET lock_timeout = 0;\n" +
            "SET client_encoding = 'UTF8';\nSELECT pg_catalog.set_config('search_path', '', false);\nSET client_min_messages = warning;\n\n" +
            "CREATE TABLE public.dumped (id bigint NOT NULL);\n\n--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict q7Zk2\n\n";
        var source = new TestMigrationSource()
            .Add("1_schema.sql", "-- migrate:up\n" + dump)
            .Add("2_after.sql", "-- migrate:up\nCREATE TABLE after_dump (id bigint PRIMARY KEY);\n");

        await db.Migrator(source).UpAsync();

        (await db.ScalarAsync<string>("SELECT to_regclass('public.dumped')::text || ' ' || to_regclass('public.after_dump')::text"))
            .ShouldBe("dumped after_dump");
    }

    [Fact]
    public async Task The_role_a_migration_sets_ends_with_it_and_the_history_row_is_written_by_the_connection_own_role()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var role = "strata_owner_" + db.Name;
        await db.ExecuteAsync($"CREATE ROLE \"{role}\"; GRANT CREATE ON DATABASE \"{db.Name}\" TO \"{role}\"");
        try
        {
            var source = new TestMigrationSource()
                .Add("1_owned.sql", $"-- migrate:up\nCREATE SCHEMA app AUTHORIZATION \"{role}\";\nSET ROLE \"{role}\";\nCREATE TABLE app.owned (id int);\n")
                .Add("2_placed.sql", "-- migrate:up\nCREATE TABLE placed AS SELECT current_user::text AS who;\n");

            await db.Migrator(source).UpAsync();

            var own = await db.ScalarAsync<string>("SELECT current_user::text");
            (await db.ScalarAsync<string>("SELECT tableowner::text FROM pg_tables WHERE tablename = 'owned'")).ShouldBe(role);
            (await db.ScalarAsync<string>("SELECT who FROM placed")).ShouldBe(own);
            (await db.ScalarAsync<string>("SELECT string_agg(applied_by, ' ' ORDER BY version) FROM strata_schema_migrations")).ShouldBe($"{own} {own}");
        }
        finally
        {
            await db.ExecuteAsync($"DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\"");
        }
    }

    // A deferred constraint trigger fires inside COMMIT, after every statement of the batch, so it sees the
    // synchronous_commit that the commit itself goes by.
    private const string CommitWatch =
        "CREATE TABLE commits (version int, synchronous_commit text);\n" +
        "CREATE TABLE committing (version int);\n" +
        "CREATE FUNCTION record_commit() RETURNS trigger LANGUAGE plpgsql AS $$\n" +
        "BEGIN INSERT INTO commits VALUES (NEW.version, current_setting('synchronous_commit')); RETURN NULL; END $$;\n" +
        "CREATE CONSTRAINT TRIGGER record_commit AFTER INSERT ON committing DEFERRABLE INITIALLY DEFERRED\n" +
        "    FOR EACH ROW EXECUTE FUNCTION record_commit();\n";

    private static string Committing(int version, string options = "") =>
        $"-- migrate:up {options}\nINSERT INTO committing VALUES ({version});\n";

    [Fact]
    public async Task Only_the_last_commit_of_a_run_and_a_transaction_false_migration_wait_for_the_flush()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync($"ALTER DATABASE \"{db.Name}\" SET synchronous_commit = 'local'");
        var source = new TestMigrationSource()
            .Add("1_watch.sql", "-- migrate:up\n" + CommitWatch + "INSERT INTO committing VALUES (1);\n")
            .Add("2_async.sql", Committing(2))
            .Add("3_on_its_own.sql", Committing(3, "transaction:false"))
            .Add("4_async.sql", Committing(4))
            .Add("5_last.sql", Committing(5));

        await db.Migrator(source).UpAsync();

        (await CommitsAsync(db)).ShouldBe("1 off, 2 off, 3 local, 4 off, 5 local");
    }

    [Fact]
    public async Task A_run_of_one_migration_commits_with_the_connection_own_setting()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync($"ALTER DATABASE \"{db.Name}\" SET synchronous_commit = 'local'");
        var source = new TestMigrationSource().Add("1_watch.sql", "-- migrate:up\n" + CommitWatch + "INSERT INTO committing VALUES (1);\n");

        await db.Migrator(source).UpAsync();

        (await CommitsAsync(db)).ShouldBe("1 local");
    }

    [Fact]
    public async Task Connections_go_back_to_a_pool_that_does_not_reset_them_with_their_own_settings()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync($"ALTER DATABASE \"{db.Name}\" SET lock_timeout = '11s'; ALTER DATABASE \"{db.Name}\" SET synchronous_commit = 'local'");
        await using var pool = NoResetPool(db);

        await new Migrator(pool, Recording(), EngineTestKit.FastOptions).UpAsync();

        (await PooledSettingsAsync(pool)).ShouldBe(["11s 0 local", "11s 0 local", "11s 0 local"]);
        (await SeenAsync(db)).ShouldBe(["1 2s 0", "2 5s 1min", "3 2s 0", "4 7s 0", "5 2s 0"]);
    }

    [Theory]
    [InlineData("2_own.sql")] // the session already holds the run's timeouts: the batch sends none of its own
    [InlineData("1_seen.sql")] // the first migration sets them for the session in its batch
    public async Task A_failure_part_way_names_the_exact_line_and_leaves_the_connections_their_own_settings(string failing)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync($"ALTER DATABASE \"{db.Name}\" SET lock_timeout = '11s'; ALTER DATABASE \"{db.Name}\" SET synchronous_commit = 'local'");
        await using var pool = NoResetPool(db);
        var source = Recording()
            .Add(failing, "-- migrate:up\nCREATE TABLE IF NOT EXISTS seen (version int, lock_timeout text, statement_timeout text);\n\n  SELECT * FROM missing_table;\n");

        var error = await Should.ThrowAsync<MigrationFailedException>(() => new Migrator(pool, source, EngineTestKit.FastOptions).UpAsync());

        error.File.ShouldBe("db/migrations/" + failing);
        (error.Line, error.Column).ShouldBe((4, 17));
        (await PooledSettingsAsync(pool)).ShouldBe(["11s 0 local", "11s 0 local", "11s 0 local"]);
    }

    // The failing migration's error carries the point the server had written its WAL to when it started, which is
    // past the commit of the migration before it. The test server commits asynchronously, so only an explicit wait
    // puts that commit on disk before the run reports it applied.
    [Fact]
    public async Task A_run_that_stops_part_way_reports_only_after_the_commits_before_the_failure_are_flushed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync($"ALTER DATABASE \"{db.Name}\" SET synchronous_commit = 'local'");
        var source = new TestMigrationSource()
            .Add("1_a.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
            .Add("2_b.sql", "-- migrate:up\nCREATE TABLE b (id int);\nINSERT INTO b SELECT generate_series(1, 1000);\n")
            .Add("3_fails.sql", "-- migrate:up\nDO $$ BEGIN RAISE EXCEPTION 'written up to %', pg_current_wal_insert_lsn(); END $$;\n");

        var error = await Should.ThrowAsync<MigrationFailedException>(() => db.Migrator(source).UpAsync());

        var written = System.Text.RegularExpressions.Regex.Match(error.Message, "written up to ([0-9A-F]+/[0-9A-F]+)").Groups[1].Value;
        written.ShouldNotBeEmpty(error.Message);
        (await db.ScalarAsync<bool>($"SELECT pg_current_wal_flush_lsn() >= '{written}'::pg_lsn")).ShouldBeTrue();
    }

    private static Task<string?> CommitsAsync(TestDatabase db) =>
        db.ScalarAsync<string>("SELECT string_agg(version || ' ' || synchronous_commit, ', ' ORDER BY version) FROM commits");

    // Connections that are never reset on their way back to the pool; a run holds two (the lock's and the work one).
    private static NpgsqlDataSource NoResetPool(TestDatabase db) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString) { MaxPoolSize = 3, NoResetOnClose = true }.ConnectionString);

    // Every connection of the pool at once, so each one the run used is among them.
    private static async Task<List<string>> PooledSettingsAsync(
        NpgsqlDataSource pool,
        string settings = "current_setting('lock_timeout') || ' ' || current_setting('statement_timeout') || ' ' || current_setting('synchronous_commit')")
    {
        await using var first = await pool.OpenConnectionAsync();
        await using var second = await pool.OpenConnectionAsync();
        await using var third = await pool.OpenConnectionAsync();
        var timeouts = new List<string>();
        foreach (var connection in new[] { first, second, third })
        {
            await using var command = new NpgsqlCommand("SELECT " + settings, connection);
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
