using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Tests.Connections;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class SetupResetTests
{
    [Fact]
    public async Task Setup_creates_migrates_and_seeds_a_new_database_and_only_migrates_it_afterwards()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = Project();
        var url = LifecycleKit.NewDatabaseUrl(db, "setup", out var name);
        try
        {
            var lifecycle = await LifecycleKit.ForUrlAsync(url, migrations: work.Combine("db/migrations"));
            var seeds = new SetupOptions { SeedsDirectory = work.Combine("db/seeds") };

            var first = await lifecycle.SetupAsync(seeds);
            work.Write("db/migrations/20240102000000_add_email.sql", "-- migrate:up\nALTER TABLE users ADD COLUMN email text;\n-- migrate:down\n");
            var second = await lifecycle.SetupAsync(seeds);

            first.Created.ShouldBeTrue();
            first.Migrations.Migrations.Select(m => m.Version.Value).ShouldBe(["20240101000000"]);
            first.Seeds.ShouldNotBeNull().Files.Count.ShouldBe(1);
            second.Created.ShouldBeFalse();
            second.Migrations.Migrations.Select(m => m.Version.Value).ShouldBe(["20240102000000"]);
            second.Seeds.ShouldBeNull();
            second.SeedsSkipped.ShouldNotBeNull().ShouldStartWith("the database already had migrations applied");
            (await ScalarAsync<long>(db, name, "SELECT count(*) FROM users")).ShouldBe(2);
        }
        finally
        {
            await LifecycleKit.DropQuietlyAsync(url);
        }
    }

    [Fact]
    public async Task Setup_seeds_an_existing_database_that_had_no_migrations_applied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = Project();
        var lifecycle = await LifecycleKit.ForAsync(db, migrations: work.Combine("db/migrations"));

        var result = await lifecycle.SetupAsync(new SetupOptions { SeedsDirectory = work.Combine("db/seeds") });

        result.Created.ShouldBeFalse();
        result.Seeds.ShouldNotBeNull();
        (await db.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(2);
    }

    [Fact]
    public async Task Setup_on_a_protected_environment_migrates_but_does_not_seed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = Project();
        var lifecycle = await LifecycleKit.ForEnvironmentAsync(
            work, "prod", $$"""{ "database": "{{db.Url}}", "protected": true, "migrationsDir": "db/migrations" }""");

        var result = await lifecycle.SetupAsync();

        result.Migrations.Migrations.Count.ShouldBe(1);
        result.Seeds.ShouldBeNull();
        result.SeedsSkipped.ShouldNotBeNull().ShouldStartWith($"refusing to seed database '{db.Name}' of environment 'prod'");
        (await db.ScalarAsync<long>("SELECT count(*) FROM users")).ShouldBe(0);
    }

    [Fact]
    public async Task Reset_drops_the_data_and_sets_the_database_up_again()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = Project();
        var lifecycle = await LifecycleKit.ForAsync(db, migrations: work.Combine("db/migrations"));
        var seeds = new SetupOptions { SeedsDirectory = work.Combine("db/seeds") };
        await lifecycle.SetupAsync(seeds);
        await db.ExecuteAsync("INSERT INTO users VALUES (99, 'added later')");
        string? question = null;

        // Force: the test database's own pool still holds a connection to it.
        var result = await lifecycle.ResetAsync(new ResetOptions { Force = true, Setup = seeds, Confirm = q => { question = q; return true; } });

        question.ShouldNotBeNull().ShouldStartWith($"Drop database '{db.Name}'");
        result.Drop.Dropped.ShouldBeTrue();
        result.Setup.Created.ShouldBeTrue();
        result.Setup.Seeds.ShouldNotBeNull();
        (await ScalarAsync<string>(db, db.Name, "SELECT string_agg(id::text, ',' ORDER BY id) FROM users")).ShouldBe("1,2");
    }

    [Fact]
    public async Task Reset_is_refused_on_a_protected_environment_before_anything_happens()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE precious (id int); INSERT INTO precious VALUES (1)");
        using var work = Project();
        var lifecycle = await LifecycleKit.ForEnvironmentAsync(
            work, "prod", $$"""{ "database": "{{db.Url}}", "protected": true, "allowSeed": true, "migrationsDir": "db/migrations" }""");

        var error = await Should.ThrowAsync<ProtectedEnvironmentException>(
            () => lifecycle.ResetAsync(new ResetOptions { Force = true, Confirm = _ => true }));

        error.Message.ShouldBe(
            $"refusing to reset database '{db.Name}' of environment 'prod': it is marked \"protected\": true in {work.Combine("strata.json")}; protected environments cannot be reset by Strata");
        (await db.ScalarAsync<long>("SELECT count(*) FROM precious")).ShouldBe(1);
        (await db.TableExistsAsync("public.users")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("missing directory")]
    [InlineData("malformed migration")]
    [InlineData("statement refused in a transaction")]
    [InlineData("broken seed file")]
    [InlineData("seed that commits")]
    public async Task Reset_checks_the_project_before_it_drops_anything(string mistake)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE precious (id int); INSERT INTO precious VALUES (1)");
        using var work = Project();
        var migrations = work.Combine("db/migrations");
        switch (mistake)
        {
            case "missing directory":
                migrations = work.Combine("db/migratoins");
                break;
            case "malformed migration":
                work.Write("db/migrations/20240102000000_bad.sql", "CREATE TABLE t (id int);\n");
                break;
            case "statement refused in a transaction":
                work.Write("db/migrations/20240102000000_index.sql", "-- migrate:up\nCREATE INDEX CONCURRENTLY users_name ON users (name);\n-- migrate:down\n");
                break;
            case "broken seed file":
                work.Write("db/seeds/002_broken.sql", "INSERT INTO users VALUES (3, 'unterminated);");
                break;
            default:
                work.Write("db/seeds/002_commits.sql", "INSERT INTO users VALUES (3, 'ada');\nCOMMIT;\n");
                break;
        }

        var lifecycle = await LifecycleKit.ForAsync(db, migrations: migrations);
        var asked = false;

        await Should.ThrowAsync<StrataException>(() => lifecycle.ResetAsync(new ResetOptions
        {
            Force = true,
            Setup = new SetupOptions { SeedsDirectory = work.Combine("db/seeds") },
            Confirm = _ => asked = true,
        }));

        asked.ShouldBeFalse();
        (await db.ScalarAsync<long>("SELECT count(*) FROM precious")).ShouldBe(1);
    }

    [Fact]
    public async Task Setup_with_a_missing_migrations_directory_creates_no_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = Project();
        var url = LifecycleKit.NewDatabaseUrl(db, "nosetup", out var name);
        try
        {
            var lifecycle = await LifecycleKit.ForUrlAsync(url, migrations: work.Combine("db/migratoins"));

            await Should.ThrowAsync<ConfigurationException>(() => lifecycle.SetupAsync(new SetupOptions { SeedsDirectory = work.Combine("db/seeds") }));

            (await LifecycleKit.DatabaseExistsAsync(db, name)).ShouldBeFalse();
        }
        finally
        {
            await LifecycleKit.DropQuietlyAsync(url);
        }
    }

    [Theory]
    [InlineData("seeds directory is a file")]
    [InlineData("unterminated string")]
    [InlineData("seed that commits")]
    public async Task Setup_with_a_seed_mistake_creates_no_database(string mistake)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = Project();
        var url = LifecycleKit.NewDatabaseUrl(db, "noseed", out var name);
        var seeds = work.Combine("db/seeds");
        switch (mistake)
        {
            case "seeds directory is a file":
                seeds = work.Write("db/seeds.sql", "SELECT 1;");
                break;
            case "unterminated string":
                work.Write("db/seeds/002_broken.sql", "INSERT INTO users VALUES (3, 'unterminated);");
                break;
            default:
                work.Write("db/seeds/002_commits.sql", "INSERT INTO users VALUES (3, 'ada');\nCOMMIT;\n");
                break;
        }

        try
        {
            var lifecycle = await LifecycleKit.ForUrlAsync(url, migrations: work.Combine("db/migrations"));

            await Should.ThrowAsync<StrataException>(() => lifecycle.SetupAsync(new SetupOptions { SeedsDirectory = seeds }));

            (await LifecycleKit.DatabaseExistsAsync(db, name)).ShouldBeFalse();
        }
        finally
        {
            await LifecycleKit.DropQuietlyAsync(url);
        }
    }

    [Fact]
    public async Task Setups_run_at_once_seed_the_new_database_once()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        work.Write("db/migrations/1_notes.sql", "-- migrate:up\nCREATE TABLE notes (id serial PRIMARY KEY, body text);\nSELECT pg_sleep(1);\n-- migrate:down\nDROP TABLE notes;\n");
        work.Write("db/seeds/001_notes.sql", "INSERT INTO notes (body) VALUES ('hello');");
        var url = LifecycleKit.NewDatabaseUrl(db, "together", out var name);
        // Created empty beforehand (as a container's POSTGRES_DB does): the runs differ only in when they take the lock.
        await db.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        try
        {
            var runs = Enumerable.Range(0, 3).Select(async i =>
            {
                await Task.Delay(i * 200);
                var lifecycle = await LifecycleKit.ForUrlAsync(url, migrations: work.Combine("db/migrations"));
                return await lifecycle.SetupAsync(new SetupOptions { SeedsDirectory = work.Combine("db/seeds") });
            });

            var results = await Task.WhenAll(runs);

            results.Count(r => r.Seeds is not null).ShouldBe(1);
            (await ScalarAsync<long>(db, name, "SELECT count(*) FROM notes")).ShouldBe(1);
        }
        finally
        {
            await LifecycleKit.DropQuietlyAsync(url);
        }
    }

    [Fact]
    public async Task Reset_by_a_role_that_may_not_create_databases_is_refused_before_the_drop()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = Project();
        var role = "strata_owner_" + db.Name;
        var url = LifecycleKit.NewDatabaseUrl(db, "owned", out var name);
        await db.ExecuteAsync($"CREATE ROLE \"{role}\" LOGIN");
        await db.ExecuteAsync($"CREATE DATABASE \"{name}\" OWNER \"{role}\"");
        try
        {
            var asOwner = url.Replace("//" + Uri.EscapeDataString(db.Server.Username), "//" + role, StringComparison.Ordinal);
            var lifecycle = await LifecycleKit.ForUrlAsync(asOwner, migrations: work.Combine("db/migrations"));

            var error = await Should.ThrowAsync<DatabaseCommandFailedException>(() => lifecycle.ResetAsync(new ResetOptions
            {
                Force = true,
                Setup = new SetupOptions { SeedsDirectory = work.Combine("db/seeds") },
            }));

            error.Message.ShouldStartWith($"database '{name}' on ");
            error.Message.ShouldContain($"was not dropped: role '{role}' may not create databases (it has neither CREATEDB nor SUPERUSER)");
            (await LifecycleKit.DatabaseExistsAsync(db, name)).ShouldBeTrue();
        }
        finally
        {
            await LifecycleKit.DropQuietlyAsync(url);
            await db.ExecuteAsync($"DROP ROLE \"{role}\"");
        }
    }

    private static TempDirectory Project()
    {
        var work = new TempDirectory();
        work.Write("db/migrations/20240101000000_create_users.sql", "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY, name text);\n-- migrate:down\nDROP TABLE users;\n");
        work.Write("db/seeds/001_users.sql", "INSERT INTO users VALUES (1, 'ada'), (2, 'grace');");
        return work;
    }

    private static async Task<T> ScalarAsync<T>(TestDatabase db, string database, string sql)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(db.Server.ConnectionStringFor(database) + ";Pooling=false");
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
