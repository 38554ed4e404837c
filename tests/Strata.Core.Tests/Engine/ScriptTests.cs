using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class ScriptTests
{
    private static TestMigrationSource Mixed() => UpTests.ThreeTables()
        .Add("11_tags_id.sql", "-- migrate:up transaction:false lock_timeout:3s\nCREATE INDEX CONCURRENTLY tags_id ON tags (id);\n");

    [Fact]
    public async Task The_script_holds_the_statements_and_the_bookkeeping_and_executes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        var script = await db.Migrator(Mixed()).ScriptAsync();

        script.Migrations.Select(v => v.Value).ShouldBe(["1", "2", "10", "11"]);
        script.Sql.ShouldContain("CREATE TABLE IF NOT EXISTS \"public\".\"strata_schema_migrations\"");
        script.Sql.ShouldContain("BEGIN;\nSET lock_timeout = '2000ms';\nSET statement_timeout = '0ms';\nSET synchronous_commit = off;\nCREATE TABLE users (id int PRIMARY KEY);\nINSERT INTO \"public\".\"strata_schema_migrations\"");
        // Set for the session once, the run's timeouts are not sent again by the migrations after the first.
        script.Sql.ShouldContain("BEGIN;\nCREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\nINSERT INTO");
        script.Sql.ShouldContain("RESET synchronous_commit;\nSET lock_timeout = '3000ms';");
        script.Sql.ShouldContain("CREATE INDEX CONCURRENTLY tags_id ON tags (id);\nUPDATE \"public\".\"strata_schema_migrations\" SET statements_completed = 1 WHERE version = '11';");
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_batched_statement_is_marked_as_run_once_by_the_script_and_in_batches_by_up()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_t.sql", "-- migrate:up\nCREATE TABLE t (id bigint PRIMARY KEY, v int);\n")
            .Add("2_fill.sql", "-- migrate:up transaction:false\n-- strata:batch size=500 pause=20\nUPDATE t SET v = 1 WHERE v IS NULL;\n");

        var script = await db.Migrator(source).ScriptAsync();

        script.Sql.ShouldContain(
            "-- '-- strata:batch' (line 2): up runs the next statement in batches of at most 500 keys of the primary key of t, each batch its own " +
            "transaction, 20 ms apart, resumable after an interruption.\n" +
            "-- This script runs it once, as one statement over the whole table: one transaction holding its row locks until it ends.\n" +
            "UPDATE t SET v = 1 WHERE v IS NULL;\n");
    }

    [Fact]
    public async Task Running_the_script_records_the_same_history_as_up()
    {
        await using var scripted = await TestPostgres.CreateDatabaseAsync();
        await using var migrated = await TestPostgres.CreateDatabaseAsync();
        var script = await scripted.Migrator(Mixed()).ScriptAsync();

        await RunAsync(scripted, script.Sql);

        await migrated.Migrator(Mixed()).UpAsync();
        const string history = "SELECT string_agg(version || description || checksum || checksum_algorithm || status || statements_completed || statements_total || applied_by || origin || strata_version || coalesce(client_host, ''), ',' ORDER BY version) FROM strata_schema_migrations";
        (await scripted.ScalarAsync<string>(history)).ShouldBe(await migrated.ScalarAsync<string>(history));
        (await scripted.Migrator(Mixed()).ValidateAsync()).IsValid.ShouldBeTrue();
        (await scripted.Migrator(Mixed()).UpAsync()).Migrations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_script_for_a_history_table_written_before_phases_adds_the_phase_column_and_runs()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource().Add("1_users.sql", "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY);\n");
        await db.Migrator(source).UpAsync();
        await db.ExecuteAsync("ALTER TABLE strata_schema_migrations DROP COLUMN phase");
        source.Add("2_posts.sql", "-- migrate:up phase:post\nCREATE TABLE posts (id int PRIMARY KEY);\n");

        var script = await db.Migrator(source).ScriptAsync();
        script.Sql.ShouldContain("ADD COLUMN IF NOT EXISTS phase");
        await RunAsync(db, script.Sql);

        (await db.ScalarAsync<string>("SELECT string_agg(version || ':' || phase, ',' ORDER BY version) FROM strata_schema_migrations")).ShouldBe("1:pre,2:post");
    }

    [Fact]
    public async Task A_script_for_an_up_to_date_database_changes_nothing_and_says_so()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.Migrator(Mixed()).UpAsync();

        var script = await db.Migrator(Mixed()).ScriptAsync();

        script.Migrations.ShouldBeEmpty();
        script.Sql.ShouldContain("-- Nothing to apply: every migration is applied.");
        script.Sql.ShouldNotContain("ALTER TABLE");
        script.Sql.ShouldNotContain("CREATE TABLE");
    }

    // up adds the phase column only where it is missing; a script that always added it would need the history table's
    // owner (ALTER TABLE checks ownership before it sees that the column exists), and fail where up succeeds.
    [Fact]
    public async Task A_role_that_may_write_the_history_but_does_not_own_it_can_run_the_script()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource().Add("1_users.sql", "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY);\n");
        await db.Migrator(source).UpAsync();
        var role = "strata_deployer_" + db.Name;
        await db.ExecuteAsync(
            $"CREATE ROLE \"{role}\"; GRANT CREATE, USAGE ON SCHEMA public TO \"{role}\"; " +
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON strata_schema_migrations TO \"{role}\"");
        try
        {
            source.Add("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int PRIMARY KEY);\n");
            var script = await db.Migrator(source).ScriptAsync();

            await RunAsync(db, script.Sql, role);

            (await db.ScalarAsync<string>("SELECT tableowner::text FROM pg_tables WHERE tablename = 'posts'")).ShouldBe(role);
            (await db.ScalarAsync<long>("SELECT count(*) FROM strata_schema_migrations")).ShouldBe(2);
        }
        finally
        {
            await db.ExecuteAsync($"DROP OWNED BY \"{role}\"; DROP ROLE \"{role}\"");
        }
    }

    // Simple-protocol execution of the whole script, as psql would send it statement by statement (as the role given).
    private static async Task RunAsync(TestDatabase db, string sql, string? role = null)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        if (role is not null)
        {
            await using var setRole = new Npgsql.NpgsqlCommand($"SET ROLE \"{role}\"", connection);
            await setRole.ExecuteNonQueryAsync();
        }

        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries).Where(s => s.Trim().Length > 0))
        {
            var text = string.Join('\n', statement.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal)));
            if (text.Trim().Length == 0)
            {
                continue;
            }

            await using var command = new Npgsql.NpgsqlCommand(text, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
