using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Tests.Connections;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class SeedTests
{
    [Fact]
    public async Task Runs_the_seed_files_in_ordinal_name_order_ignoring_other_files()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var seeds = new TempDirectory();
        seeds.Write("10_second.sql", "INSERT INTO seen VALUES ('10_second');");
        seeds.Write("01_first.sql", "CREATE TABLE seen (name text, at timestamptz DEFAULT clock_timestamp());\nINSERT INTO seen VALUES ('01_first');");
        seeds.Write("README.md", "not SQL");
        seeds.Write("sub/99_nested.sql", "INSERT INTO seen VALUES ('nested');");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var result = await lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path });

        result.Files.Select(f => Path.GetFileName(f.File)).ShouldBe(["01_first.sql", "10_second.sql"]);
        result.Files.Select(f => f.Statements).ShouldBe([2, 1]);
        (await db.ScalarAsync<string>("SELECT string_agg(name, ',' ORDER BY at) FROM seen")).ShouldBe("01_first,10_second");
    }

    [Fact]
    public async Task A_failing_seed_leaves_none_of_its_rows_and_reports_file_line_column_and_sqlstate()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL)");
        using var seeds = new TempDirectory();
        seeds.Write("001_ok.sql", "INSERT INTO users VALUES (1, 'ada');");
        var bad = seeds.Write("002_bad.sql", "-- two users\nINSERT INTO users VALUES (2, 'grace');\nINSERT INTO users VALUES (3, 'linus');\nINSERT INTO users\n  VALUES (1, 'again');\n");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<ScriptFailedException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path }));

        error.File.ShouldBe(bad);
        (error.Line, error.Column).ShouldBe((4, 1));
        error.SqlState.ShouldBe("23505");
        error.Message.ShouldStartWith($"seed {bad} failed at {bad}:4:1: 23505 duplicate key value violates unique constraint \"users_pkey\"");
        error.Message.ShouldContain("Key (id)=(1) already exists");
        error.Message.ShouldEndWith("its transaction was rolled back, so nothing of it was kept; the seed files before it stay committed (001_ok.sql)");
        (await db.ScalarAsync<string>("SELECT string_agg(id::text, ',' ORDER BY id) FROM users")).ShouldBe("1");
    }

    [Fact]
    public async Task A_seed_that_commits_part_way_is_refused_and_keeps_nothing_of_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE users (id int PRIMARY KEY)");
        using var seeds = new TempDirectory();
        var bad = seeds.Write("001_bad.sql", "INSERT INTO users VALUES (1);\nEND;\nINSERT INTO users VALUES (1);\n");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<SqlSyntaxException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path }));

        error.Message.ShouldStartWith($"{bad}:2:1: END is not allowed in a seed: Strata runs the whole file in one transaction");
        (await db.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(0);
    }

    [Fact]
    public async Task A_seed_that_commits_part_way_is_refused_before_any_seed_runs()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var seeds = new TempDirectory();
        seeds.Write("001_ok.sql", "CREATE TABLE t (id int);");
        var bad = seeds.Write("002_commits.sql", "INSERT INTO t VALUES (1);\nCOMMIT;\nINSERT INTO t VALUES (2);\n");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<SqlSyntaxException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path }));

        error.Message.ShouldStartWith($"{bad}:2:1: COMMIT is not allowed in a seed");
        (await db.TableExistsAsync("public.t")).ShouldBeFalse();
    }

    // The server ending the session (as when it goes down) is a lost connection, exit 3, not a failed statement.
    [Fact]
    public async Task A_seed_whose_connection_is_lost_says_so_and_what_was_rolled_back()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var seeds = new TempDirectory();
        var slow = seeds.Write("001_slow.sql", "CREATE TABLE t (id int);\nSELECT pg_sleep(30);\n");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var seeding = lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path });
        await using var admin = Npgsql.NpgsqlDataSource.Create(db.Server.ConnectionStringFor("postgres"));
        while (!seeding.IsCompleted && await admin.CreateCommand(
            $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{db.Name}' AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()").ExecuteScalarAsync() is 0L)
        {
            await Task.Delay(50);
        }

        var error = await Should.ThrowAsync<ConnectionFailedException>(() => seeding);

        error.Message.ShouldStartWith($"Lost the connection to the database while running seed {slow} (57P01 terminating connection due to administrator command");
        error.Message.ShouldEndWith("its transaction was rolled back, so nothing of it was kept; no seed file ran before it");
        (await db.TableExistsAsync("public.t")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_column_points_into_the_failing_statement()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var seeds = new TempDirectory();
        seeds.Write("001.sql", "SELECT 1;\n  SELECT no_such_column FROM pg_class;\n");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var error = await Should.ThrowAsync<ScriptFailedException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path }));

        (error.Line, error.Column, error.SqlState).ShouldBe((2, 10, "42703"));
    }

    [Fact]
    public async Task A_seed_that_cannot_be_split_stops_everything_before_any_seed_runs()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var seeds = new TempDirectory();
        seeds.Write("001_ok.sql", "CREATE TABLE t (id int);");
        seeds.Write("002_broken.sql", "INSERT INTO t VALUES (1); SELECT 'unterminated");
        var lifecycle = await LifecycleKit.ForAsync(db);

        await Should.ThrowAsync<SqlSyntaxException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path }));

        (await db.TableExistsAsync("public.t")).ShouldBeFalse();
    }

    [Fact]
    public async Task Refuses_a_protected_environment_without_allow_seed_and_seeds_one_with_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var directory = new TempDirectory();
        directory.Write("db/seeds/001.sql", "CREATE TABLE seeded (id int);");

        var refused = await LifecycleKit.ForEnvironmentAsync(directory, "prod", $$"""{ "database": "{{db.Url}}", "protected": true }""");
        var error = await Should.ThrowAsync<ProtectedEnvironmentException>(() => refused.SeedAsync());
        error.Message.ShouldBe(
            $"refusing to seed database '{db.Name}' of environment 'prod': it is marked \"protected\": true in {directory.Combine("strata.json")} and does not set \"allowSeed\": true; seeds are only loaded where the environment allows them");
        (await db.TableExistsAsync("public.seeded")).ShouldBeFalse();

        var allowed = await LifecycleKit.ForEnvironmentAsync(directory, "prod", $$"""{ "database": "{{db.Url}}", "protected": true, "allowSeed": true }""");
        (await allowed.SeedAsync()).Files.Count.ShouldBe(1);
        (await db.TableExistsAsync("public.seeded")).ShouldBeTrue();
    }

    [Fact]
    public async Task An_environment_must_opt_in_to_seeds_even_when_it_is_not_protected()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var directory = new TempDirectory();
        directory.Write("db/seeds/001.sql", "CREATE TABLE seeded (id int);");
        var lifecycle = await LifecycleKit.ForEnvironmentAsync(directory, "staging", $$"""{ "database": "{{db.Url}}" }""");

        var error = await Should.ThrowAsync<ProtectedEnvironmentException>(() => lifecycle.SeedAsync());

        error.Message.ShouldContain("the environment does not set \"allowSeed\": true");
    }

    [Fact]
    public async Task A_missing_directory_is_an_error_and_an_empty_one_seeds_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var seeds = new TempDirectory();
        var lifecycle = await LifecycleKit.ForAsync(db);
        var missing = seeds.Combine("nowhere");

        var error = await Should.ThrowAsync<ConfigurationException>(() => lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = missing }));
        var empty = await lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = seeds.Path });

        error.Message.ShouldStartWith($"seeds directory {missing} does not exist");
        empty.Files.ShouldBeEmpty();
    }
}
