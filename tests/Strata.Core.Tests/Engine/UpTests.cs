using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class UpTests
{
    internal static TestMigrationSource ThreeTables() => new TestMigrationSource()
        .Add("1_users.sql", "-- migrate:up\nCREATE TABLE users (id int PRIMARY KEY);\n-- migrate:down\nDROP TABLE users;\n")
        .Add("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users);\n-- migrate:down\nDROP TABLE posts;\n")
        .Add("10_tags.sql", "-- migrate:up\nCREATE TABLE tags (id int);\nINSERT INTO tags VALUES (1), (2);\n-- migrate:down\nDROP TABLE tags;\n");

    [Fact]
    public async Task Applies_pending_migrations_in_order()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var result = await db.Migrator(ThreeTables()).UpAsync();

        result.Migrations.Select(m => m.Version.Value).ShouldBe(["1", "2", "10"]);
        result.Migrations.ShouldAllBe(m => m.Attempts == 1 && m.Transactional);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2", "10"]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM tags")).ShouldBe(2);
    }

    [Fact]
    public async Task Applies_migration_files_from_a_directory()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var directory = TestDirectory.Create();
        await File.WriteAllTextAsync(directory.Combine("20240101120000_add_users.sql"), "-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\nDROP TABLE users;\n");
        await File.WriteAllTextAsync(directory.Combine("20240102120000_add_email.sql"), "-- migrate:up\nALTER TABLE users ADD COLUMN email text;\n");

        var result = await new Migrator(db.DataSource, new DirectoryMigrationSource(directory.Path), EngineTestKit.FastOptions).UpAsync();

        result.Migrations.Select(m => m.Description).ShouldBe(["add_users", "add_email"]);
        (await db.HistoryVersionsAsync()).ShouldBe(["20240101120000", "20240102120000"]);
    }

    [Fact]
    public async Task Running_up_again_applies_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(ThreeTables());
        await migrator.UpAsync();

        var again = await migrator.UpAsync();

        again.Migrations.ShouldBeEmpty();
        (await db.ScalarAsync<long>("SELECT count(*) FROM tags")).ShouldBe(2);
    }

    [Fact]
    public async Task Up_to_a_version_stops_there_and_steps_apply_that_many()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(ThreeTables());

        (await migrator.UpAsync(MigrationTarget.To(MigrationVersion.Parse("2")))).Migrations.Count.ShouldBe(2);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
        (await migrator.UpAsync(MigrationTarget.Steps(1))).Migrations.Single().Version.Value.ShouldBe("10");
    }

    [Fact]
    public async Task Up_to_an_unknown_version_is_a_configuration_error_and_does_not_create_the_history_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await Should.ThrowAsync<ConfigurationException>(() => db.Migrator(ThreeTables()).UpAsync(MigrationTarget.To(MigrationVersion.Parse("3"))));
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_dry_run_returns_the_plan_and_executes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var result = await db.Migrator(ThreeTables()).UpAsync(dryRun: true);

        result.DryRun.ShouldBeTrue();
        result.Migrations.Select(m => m.Version.Value).ShouldBe(["1", "2", "10"]);
        (await db.TableExistsAsync("users")).ShouldBeFalse();
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_pending_migration_older_than_the_newest_applied_is_refused()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = ThreeTables().Remove("2_posts.sql");
        await db.Migrator(source).UpAsync();
        source.Add("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int);\n");

        var error = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(source).UpAsync());

        error.Message.ShouldContain("migration 2_posts is pending but older than the newest applied migration 10_tags");
        (await db.TableExistsAsync("posts")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_out_of_order_migration_is_applied_when_allowed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = ThreeTables().Remove("2_posts.sql");
        await db.Migrator(source).UpAsync();
        source.Add("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int);\n");
        var logger = new TestLogger();

        var result = await db.Migrator(source, EngineTestKit.FastOptions with { AllowOutOfOrder = true }, logger).UpAsync();

        result.Migrations.Single().Version.Value.ShouldBe("2");
        (await db.TableExistsAsync("posts")).ShouldBeTrue();
        logger.WithEvent(1333).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_edited_applied_migration_is_refused()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = ThreeTables();
        await db.Migrator(source).UpAsync();
        source.Add("1_users.sql", "-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY);\n");
        source.Add("11_more.sql", "-- migrate:up\nCREATE TABLE more (id int);\n");

        var error = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(source).UpAsync());

        error.Message.ShouldContain("migration 1_users was edited after it was applied");
        (await db.TableExistsAsync("more")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_edited_migration_is_accepted_when_allowed_and_its_row_is_marked()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = ThreeTables();
        await db.Migrator(source).UpAsync();
        const string edited = "-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY);\n";
        source.Add("1_users.sql", edited);

        await db.Migrator(source, EngineTestKit.FastOptions with { AllowEdited = true }).UpAsync();

        (await db.ScalarAsync<string>("SELECT origin FROM strata_schema_migrations WHERE version = '1'")).ShouldBe("edited-accepted");
        (await db.ScalarAsync<string>("SELECT checksum FROM strata_schema_migrations WHERE version = '1'"))
            .ShouldBe(MigrationChecksum.Compute(edited).Hash);
        await db.Migrator(source).UpAsync();
    }
}
