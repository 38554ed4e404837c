using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Adoption;

public sealed class FlywayBaselineAndUndoTests
{
    private static string Baseline(int version) => ForeignTools.FlywayTable + $"""
        INSERT INTO flyway_schema_history VALUES
            (1, '{version}', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'app', '2020-01-02 03:04:05', 0, true);
        """;

    [Fact]
    public async Task A_flyway_baseline_below_every_file_lets_up_apply_them_all_before_or_after_adopt()
    {
        await using var before = await TestPostgres.CreateDatabaseAsync();
        await using var after = await TestPostgres.CreateDatabaseAsync();
        var source = new TestMigrationSource()
            .Add("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int PRIMARY KEY);\n")
            .Add("3_tags.sql", "-- migrate:up\nCREATE TABLE tags (id int PRIMARY KEY);\n");
        foreach (var db in new[] { before, after })
        {
            await db.ExecuteAsync("CREATE TABLE users (id int PRIMARY KEY);" + Baseline(1));
        }

        (await before.Migrator(source).UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["2", "3"]);
        var adopted = await after.Migrator(source).AdoptAsync();
        adopted.Recorded.ShouldBeEmpty();
        adopted.Pending.Select(v => v.Value).ShouldBe(["2", "3"]);
        (await after.Migrator(source).UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["2", "3"]);
    }

    [Fact]
    public async Task A_flyway_baseline_covering_files_refuses_up_with_adopt_as_the_way_in_and_writes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + Baseline(2));
        var migrator = db.Migrator(UpTests.ThreeTables());

        var up = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.UpAsync());
        var dryRun = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.UpAsync(dryRun: true));

        up.Message.ShouldBe(
            "Refusing to run migrations: Flyway's history table public.flyway_schema_history records 1, 2 as applied, but Strata's history " +
            "public.strata_schema_migrations does not, so they would run again; import its history first (see docs/commands/adopt.md).");
        up.NextSteps.ShouldBe([new NextStep(NextStepKind.Adopt)]);
        dryRun.Message.ShouldBe(up.Message);
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
        (await migrator.AdoptAsync()).Recorded.Select(v => v.Value).ShouldBe(["1", "2"]);
        (await migrator.UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["10"]);
    }

    [Fact]
    public async Task Flyway_undo_rows_let_adopt_stop_at_the_version_the_database_is_at()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE users (id int PRIMARY KEY);" + ForeignTools.FlywayTable + """
            INSERT INTO flyway_schema_history VALUES
                (1, '1', 'users', 'SQL', 'V1__users.sql', 1, 'app', '2021-03-04 05:06:07', 12, true),
                (2, '2', 'posts', 'SQL', 'V2__posts.sql', 2, 'app', '2022-03-04 05:06:07', 9, true),
                (3, '2', 'posts', 'UNDO_SQL', 'U2__posts.sql', 3, 'app', '2022-03-05 05:06:07', 4, true);
            """);
        var migrator = db.Migrator(UpTests.ThreeTables());

        var unmapped = await Should.ThrowAsync<ValidationFailedException>(() => migrator.AdoptAsync());
        var adopted = await migrator.AdoptAsync(MigrationVersion.Parse("1"));

        unmapped.NextSteps.ShouldBe([new NextStep(NextStepKind.AdoptUpTo)]);
        adopted.Recorded.Select(v => v.Value).ShouldBe(["1"]);
        (await migrator.UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["2", "10"]);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("order")]
    [InlineData("values")]
    public async Task A_history_in_a_schema_named_with_a_keyword_is_read_refused_and_adopted_like_any_other(string schema)
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(
            ForeignTools.AppliedSchema + $"CREATE SCHEMA \"{schema}\";" +
            ForeignTools.Flyway.Replace("\"public\".", $"\"{schema}\".", StringComparison.Ordinal).Replace("INTO flyway", $"INTO \"{schema}\".flyway", StringComparison.Ordinal));
        var migrator = db.Migrator(UpTests.ThreeTables());

        var refused = await Should.ThrowAsync<AdoptionRequiredException>(() => migrator.UpAsync());
        var adopted = await migrator.AdoptAsync();

        refused.Message.ShouldContain($"\"{schema}\".flyway_schema_history is Flyway's history table");
        adopted.Recorded.Select(v => v.Value).ShouldBe(["1", "2"]);
        (await migrator.UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["10"]);
    }
}
