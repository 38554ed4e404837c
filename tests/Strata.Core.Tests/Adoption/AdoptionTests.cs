using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Adoption;

public sealed class AdoptionTests
{
    public static TheoryData<string, string, string, bool> Tools => new()
    {
        { ForeignTools.Dbmate, "dbmate", "public.schema_migrations", false },
        { ForeignTools.GolangMigrate, "golang-migrate", "public.schema_migrations", false },
        { ForeignTools.Flyway, "Flyway", "public.flyway_schema_history", false },
        { ForeignTools.Alembic, "Alembic", "public.alembic_version", true },
        { ForeignTools.EfCore, "Entity Framework Core", "public.\"__EFMigrationsHistory\"", true },
        { ForeignTools.Rails, "Rails", "public.schema_migrations", true },
        { ForeignTools.Sqitch, "sqitch", "sqitch.changes", true },
        { ForeignTools.Liquibase, "Liquibase", "public.databasechangelog", true },
        { ForeignTools.NodePgMigrate, "node-pg-migrate", "public.pgmigrations", true },
        { ForeignTools.Knex, "Knex", "public.knex_migrations", true },
        { ForeignTools.Prisma, "Prisma Migrate", "public._prisma_migrations", true },
    };

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task Up_refuses_a_database_another_tool_migrated_and_changes_nothing_then_adopt_and_up_apply_only_the_new_migrations(
        string toolSql, string toolName, string table, bool needsTo)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + toolSql);
        var migrator = db.Migrator(UpTests.ThreeTables());
        var before = await CatalogListing.ReadAsync(db);

        var refused = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.UpAsync());
        refused.Message.ShouldContain($"{table} is {toolName}'s history table");
        refused.NextSteps.ShouldBe([new NextStep(needsTo ? NextStepKind.AdoptUpTo : NextStepKind.Adopt)]);
        await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.UpAsync(dryRun: true));
        await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.ScriptAsync());
        (await CatalogListing.ReadAsync(db)).ShouldBe(before);

        var adopted = await migrator.AdoptAsync(needsTo ? MigrationVersion.Parse("2") : null);
        adopted.Recorded.Select(v => v.Value).ShouldBe(["1", "2"]);
        adopted.AppliedBy.ShouldBe("adopt:" + adopted.Sources.Single().ToolId);
        var up = await migrator.UpAsync();

        up.Migrations.Select(m => m.Version.Value).ShouldBe(["10"]);
        (await db.HistoryVersionsAsync()).ShouldBe(["1", "2", "10"]);
        var rowsAfter = (await CatalogListing.ReadAsync(db)).Split('\n').Last().Split(',');
        before.Split('\n').Last().Split(',').ShouldBeSubsetOf(rowsAfter);
    }

    [Fact]
    public async Task Adopt_records_dbmate_versions_with_the_checksum_of_the_file_on_disk_and_leaves_its_table_untouched()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + ForeignTools.Dbmate);
        var source = UpTests.ThreeTables();

        var result = await db.Migrator(source).AdoptAsync();

        result.Pending.Select(v => v.Value).ShouldBe(["10"]);
        (await db.ScalarAsync<string>("SELECT string_agg(version || ':' || checksum || ':' || applied_by || ':' || origin, ',' ORDER BY version) FROM strata_schema_migrations"))
            .ShouldBe(string.Join(',', source.Migrations.Take(2).Select(m => $"{m.Version}:{m.Checksum.Hash}:adopt:dbmate:baseline")));
        (await db.ScalarAsync<string>("SELECT string_agg(version, ',' ORDER BY version) FROM schema_migrations")).ShouldBe("1,2");
        (await db.Migrator(source).ValidateAsync()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Adopt_keeps_the_time_flyway_applied_each_migration_and_skips_repeatable_ones()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("SET TIME ZONE 'UTC'; " + ForeignTools.AppliedSchema + ForeignTools.Flyway);

        var result = await db.Migrator(UpTests.ThreeTables()).AdoptAsync();

        result.Skipped.ShouldHaveSingleItem().ShouldContain("R__views.sql");
        (await db.ScalarAsync<string>("SELECT to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM strata_schema_migrations WHERE version = '1'"))
            .ShouldBe("2021-03-04 05:06:07");
    }

    // Flyway's baseline row marks where the schema was when Flyway took it over (version 1 by default): a point, not a
    // migration, so no file needs to have its version; files up to it are recorded, and the times of the rows after it kept.
    [Fact]
    public async Task Adopt_takes_a_flyway_baseline_without_a_file_of_its_version_and_keeps_the_times_with_to_too()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("SET TIME ZONE 'UTC'; CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE posts (id int PRIMARY KEY);" + ForeignTools.FlywayTable + """
            INSERT INTO flyway_schema_history VALUES
                (1, '1', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'app', '2020-01-02 03:04:05', 0, true),
                (2, '2', 'posts', 'SQL', 'V2__posts.sql', 913287210, 'app', '2022-03-04 05:06:07', 9, true);
            """);
        var source = new TestMigrationSource()
            .Add("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int PRIMARY KEY);\n")
            .Add("3_tags.sql", "-- migrate:up\nCREATE TABLE tags (id int PRIMARY KEY);\n");
        const string recorded = "SELECT string_agg(version || ' ' || to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), ',' ORDER BY version) FROM strata_schema_migrations";

        var preview = await db.Migrator(source).AdoptAsync(dryRun: true);
        preview.Pending.Select(v => v.Value).ShouldBe(["3"]);
        await db.Migrator(source).AdoptAsync(MigrationVersion.Parse("2"));
        (await db.ScalarAsync<string>(recorded)).ShouldBe("2 2022-03-04 05:06:07");

        await db.ExecuteAsync("DROP TABLE strata_schema_migrations");
        await db.Migrator(source).AdoptAsync();
        (await db.ScalarAsync<string>(recorded)).ShouldBe("2 2022-03-04 05:06:07");
        (await db.Migrator(source).UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["3"]);
    }

    [Fact]
    public async Task Adopt_refuses_a_dirty_golang_migrate_version_and_writes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + ForeignTools.GolangMigrate + "UPDATE schema_migrations SET dirty = true;");

        var error = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(UpTests.ThreeTables()).AdoptAsync());

        error.Message.ShouldContain("marked version 2 dirty");
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task Adopt_refuses_a_failed_flyway_migration()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + ForeignTools.Flyway + "UPDATE flyway_schema_history SET success = false WHERE installed_rank = 2;");

        var error = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(UpTests.ThreeTables()).AdoptAsync());

        error.Message.ShouldContain("V2__posts.sql (version 2) as failed");
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task Adopt_without_to_refuses_a_tool_whose_ids_are_not_versions()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + ForeignTools.Alembic);

        var error = await Should.ThrowAsync<ConfigurationException>(() => db.Migrator(UpTests.ThreeTables()).AdoptAsync());

        error.NextSteps.ShouldBe([new NextStep(NextStepKind.AdoptUpTo)]);
    }

    [Fact]
    public async Task Adopt_dry_run_reports_what_it_would_record_and_writes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + ForeignTools.Dbmate);
        var before = await CatalogListing.ReadAsync(db);

        var result = await db.Migrator(UpTests.ThreeTables()).AdoptAsync(dryRun: true);

        result.DryRun.ShouldBeTrue();
        result.Recorded.Select(v => v.Value).ShouldBe(["1", "2"]);
        (await CatalogListing.ReadAsync(db)).ShouldBe(before);
    }

    [Fact]
    public async Task Adopt_refuses_versions_the_other_tool_applied_that_have_no_file()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + ForeignTools.Dbmate + "INSERT INTO schema_migrations VALUES ('7');");

        var error = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(UpTests.ThreeTables()).AdoptAsync());

        error.Message.ShouldContain("version(s) 7 in public.schema_migrations but no migration file has them");
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task Adopt_refuses_when_strata_already_has_history()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync();
        await db.ExecuteAsync(ForeignTools.Dbmate);

        (await Should.ThrowAsync<ValidationFailedException>(() => migrator.AdoptAsync())).Message.ShouldContain("already has 3 row(s)");
        (await Should.ThrowAsync<ValidationFailedException>(() => migrator.BaselineAsync(MigrationVersion.Parse("2")))).NextSteps
            .ShouldBe([new NextStep(NextStepKind.Stamp), new NextStep(NextStepKind.Unstamp), new NextStep(NextStepKind.ShowStatus)]);
    }

    [Fact]
    public async Task Adopt_refuses_a_database_without_another_tools_history()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        (await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(UpTests.ThreeTables()).AdoptAsync())).NextSteps
            .ShouldBe([new NextStep(NextStepKind.Baseline)]);
    }

    [Fact]
    public async Task An_empty_history_table_of_another_tool_does_not_block_up_on_an_empty_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.Knex + "DELETE FROM knex_migrations;");

        (await db.Migrator(UpTests.ThreeTables()).UpAsync()).Migrations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_table_named_schema_migrations_of_another_shape_is_not_taken_for_a_tools_history()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("1_own.sql", "-- migrate:up\nCREATE TABLE schema_migrations (id serial PRIMARY KEY, name text NOT NULL);\nINSERT INTO schema_migrations (name) VALUES ('x');\n-- migrate:down\nDROP TABLE schema_migrations;\n")
            .Add("2_more.sql", "-- migrate:up\nINSERT INTO schema_migrations (name) VALUES ('y');\n-- migrate:down\nDELETE FROM schema_migrations WHERE name = 'y';\n");

        await db.Migrator(source).UpAsync(MigrationTarget.Steps(1));
        await db.Migrator(source).UpAsync();
        await db.Migrator(source).DownAsync(MigrationTarget.Steps(2));
        await db.Migrator(source).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM schema_migrations")).ShouldBe(2);
    }
}
