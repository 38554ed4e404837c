using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Migrations;

public sealed class DbmateFileCompatibilityTests
{
    private const string Up = "-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n";

    [Theory]
    [InlineData("-- migrate:up\n")]
    [InlineData("-- migrate:up\n\n-- just a comment\n/* and another */\n-- migrate:down\nSELECT 1;")]
    public void Parses_an_empty_up_section_as_a_no_op(string content)
    {
        var migration = MigrationParser.Parse("db/migrations/1_x.sql", content);

        migration.Up.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Applies_and_records_an_empty_up_section_with_a_warning()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var logger = new TestLogger();
        var source = new TestMigrationSource()
            .Add("1_noop.sql", "-- migrate:up\n-- nothing yet\n-- migrate:down\n")
            .Add("2_tags.sql", "-- migrate:up transaction:false\n\n-- migrate:down\nSELECT 1;\n");

        var result = await db.Migrator(source, logger: logger).UpAsync();

        result.Migrations.Select(m => m.Version.Value).ShouldBe(["1", "2"]);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
        logger.WithEvent(1373).Select(e => e.Message).ShouldBe([
            "Migration 1_noop has an empty up section (db/migrations/1_noop.sql:1): it runs nothing and is recorded as applied",
            "Migration 2_tags has an empty up section (db/migrations/2_tags.sql:1): it runs nothing and is recorded as applied",
        ]);
    }

    [Fact]
    public async Task Refuses_to_roll_back_an_empty_down_section_naming_file_and_line_only_when_it_is_rolled_back()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_a.sql", Up)
            .Add("2_b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n\n-- migrate:down\n-- irreversible\n")
            .Add("3_c.sql", "-- migrate:up\nCREATE TABLE c (id int);\n-- migrate:down\nDROP TABLE c;\n");
        var migrator = db.Migrator(source);
        await migrator.UpAsync();

        (await migrator.DownAsync()).Migrations.Single().Version.Value.ShouldBe("3");
        var error = await Should.ThrowAsync<ValidationFailedException>(() => migrator.DownAsync());

        error.Message.ShouldBe("Refusing to roll back, nothing was run: the down section of migration 2_b is empty (db/migrations/2_b.sql:4); " +
            "write the SQL that undoes it, or SELECT 1; to roll back without undoing anything.");
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task Skips_files_that_are_not_migrations_and_warns_of_those_that_look_meant_as_one()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        dir.Write("1_a.sql", Up);
        var skipped = new[] { dir.Write("schema.sql", "CREATE TABLE a (id int);"), dir.Write("1_a.sql~", "backup") };
        var quiet = new[] { dir.Write("README.md", "# notes"), dir.Write("#1_a.sql#", "autosave") };
        dir.Write(".1_a.sql.swp", "swap");
        var logger = new TestLogger();

        var result = await new Migrator(db.DataSource, new DirectoryMigrationSource(dir.Path), EngineTestKit.FastOptions, logger).UpAsync();

        result.Migrations.Single().Version.Value.ShouldBe("1");
        logger.WithEvent(1374).Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).Order(StringComparer.Ordinal).ShouldBe(
            skipped.Select(f => $"Skipping {f} in the migrations directory: it is not a migration (a migration is named <version>_<description>.sql)").Order(StringComparer.Ordinal));
        logger.WithEvent(1374).Where(e => e.Level == LogLevel.Debug).Select(e => e.Message).Order(StringComparer.Ordinal).ShouldBe(
            quiet.Select(f => $"Skipping {f} in the migrations directory: not a .sql file").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_that_looks_like_a_migration_but_is_malformed_still_refuses_with_file_and_line()
    {
        using var dir = new TempDirectory();
        dir.Write("1_a.sql", Up);
        dir.Write("schema.sql", "not a migration");
        var broken = dir.Write("2_b.sql", "-- migrate:up\nSELECT 1;\n-- migrate:upp\n");

        var error = await Should.ThrowAsync<MigrationFileException>(() => new DirectoryMigrationSource(dir.Path).LoadAsync(CancellationToken.None));

        error.Message.ShouldStartWith($"{broken}:3: unknown directive");
    }

    [Fact]
    public async Task A_migration_may_create_and_use_a_table_named_schema_migrations()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_legacy.sql", "-- migrate:up\nCREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY);\nINSERT INTO schema_migrations VALUES ('x');\n-- migrate:down\nDROP TABLE schema_migrations;\n")
            .Add("2_more.sql", "-- migrate:up\nINSERT INTO schema_migrations VALUES ('y');\n-- migrate:down\nDELETE FROM schema_migrations WHERE version = 'y';\n");
        var migrator = db.Migrator(source);

        await migrator.UpAsync(MigrationTarget.Steps(1));
        await migrator.UpAsync();
        await migrator.DownAsync(MigrationTarget.Steps(1));
        await migrator.UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations")).ShouldBe(2);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2"]);
    }
}
