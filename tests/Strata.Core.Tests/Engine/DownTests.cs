using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

public sealed class DownTests
{
    private const string SchemaQuery = """
        SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name)
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'strata_schema_migrations'
        """;

    private const string HistoryQuery =
        "SELECT string_agg(version || ':' || checksum || ':' || status || ':' || origin, ',' ORDER BY version) FROM strata_schema_migrations";

    [Fact]
    public async Task Up_down_up_leaves_the_same_schema_and_history()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync();
        var (schema, history) = (await db.ScalarAsync<string>(SchemaQuery), await db.ScalarAsync<string>(HistoryQuery));

        var down = await migrator.DownAsync(MigrationTarget.All);
        down.Migrations.Select(m => m.Version.Value).ShouldBe(["10", "2", "1"]);
        (await db.ScalarAsync<string>(SchemaQuery)).ShouldBeNull();
        (await db.HistoryVersionsAsync()).ShouldBeEmpty();

        await migrator.UpAsync();
        (await db.ScalarAsync<string>(SchemaQuery)).ShouldBe(schema);
        (await db.ScalarAsync<string>(HistoryQuery)).ShouldBe(history);
    }

    [Fact]
    public async Task Down_rolls_back_one_migration_by_default_and_steps_or_to_go_further()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync();

        (await migrator.DownAsync()).Migrations.Single().Version.Value.ShouldBe("10");
        (await db.TableExistsAsync("tags")).ShouldBeFalse();
        await migrator.UpAsync();
        (await migrator.DownAsync(MigrationTarget.Steps(2))).Migrations.Select(m => m.Version.Value).ShouldBe(["10", "2"]);
        await migrator.UpAsync();
        (await migrator.DownAsync(MigrationTarget.To(MigrationVersion.Parse("1")))).Migrations.Count.ShouldBe(2);
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
    }

    [Fact]
    public async Task Down_refuses_before_running_anything_when_a_migration_has_no_down_section()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = UpTests.ThreeTables().Add("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int);\n");
        await db.Migrator(source).UpAsync();

        var error = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(source).DownAsync(MigrationTarget.Steps(2)));

        error.Message.ShouldContain("migration 2_posts has no down section");
        (await db.TableExistsAsync("tags")).ShouldBeTrue();
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2", "10"]);
    }

    [Fact]
    public async Task Redo_rolls_back_and_reapplies_the_newest_migration()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync();
        await db.ExecuteAsync("INSERT INTO tags VALUES (3)");

        var result = await migrator.RedoAsync();

        result.Down.Migrations.Single().Version.Value.ShouldBe("10");
        result.Up.Migrations.Single().Version.Value.ShouldBe("10");
        (await db.ScalarAsync<long>("SELECT count(*) FROM tags")).ShouldBe(2);
    }

    // The down half commits before the up half runs: when the up half fails, the error carries the reverted migration,
    // so the front end can say the migration is no longer applied.
    [Fact]
    public async Task A_redo_whose_up_half_fails_says_the_down_half_was_committed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(new TestMigrationSource()
            .Add("1_r.sql", "-- migrate:up\nCREATE TABLE r (id int);\n-- migrate:down\nDROP TABLE r;\nCREATE TABLE r (id int);\n"));
        await migrator.UpAsync();

        var failed = await Should.ThrowAsync<MigrationFailedException>(() => migrator.RedoAsync());

        var reverted = PartialRun.Find(failed).ShouldNotBeNull();
        reverted.Direction.ShouldBe(MigrationDirection.Down);
        reverted.Migrations.Single().Version.Value.ShouldBe("1");
        (await db.HistoryVersionsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Down_to_a_version_that_is_not_applied_is_a_configuration_error()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync(MigrationTarget.Steps(1));

        await Should.ThrowAsync<ConfigurationException>(() => migrator.DownAsync(MigrationTarget.To(MigrationVersion.Parse("2"))));
    }
}
