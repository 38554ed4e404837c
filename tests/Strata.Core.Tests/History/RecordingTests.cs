using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.History;

public sealed class RecordingTests
{
    [Fact]
    public async Task Baseline_records_every_migration_up_to_the_version_without_running_them()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());

        var result = await migrator.BaselineAsync(MigrationVersion.Parse("2"));

        result.Recorded.Select(v => v.Value).ShouldBe(["1", "2"]);
        (await db.TableExistsAsync("users")).ShouldBeFalse();
        (await db.ScalarAsync<string>("SELECT string_agg(origin, ',') FROM strata_schema_migrations")).ShouldBe("baseline,baseline");
        (await db.ScalarAsync<long?>("SELECT max(execution_time_ms) FROM strata_schema_migrations")).ShouldBeNull();
        (await Should.ThrowAsync<Errors.ValidationFailedException>(() => migrator.BaselineAsync(MigrationVersion.Parse("2"))))
            .Message.ShouldContain("already has 2 row(s)");
        await db.ExecuteAsync("CREATE TABLE users (id int PRIMARY KEY)");
        (await migrator.UpAsync()).Migrations.Single().Version.Value.ShouldBe("10");
    }

    [Fact]
    public async Task Stamp_records_one_migration_and_unstamp_removes_it_without_running_anything()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync(MigrationTarget.Steps(1));
        await db.ExecuteAsync("CREATE TABLE posts (id int)");

        (await migrator.StampAsync(MigrationVersion.Parse("2"))).Recorded.Single().Value.ShouldBe("2");
        var again = await Should.ThrowAsync<ValidationFailedException>(() => migrator.StampAsync(MigrationVersion.Parse("2")));
        again.Message.ShouldStartWith("Refusing to stamp: migration 2_");
        again.Message.ShouldContain("is already recorded as applied in public.strata_schema_migrations");
        again.NextSteps.ShouldBe([new NextStep(NextStepKind.Unstamp, "2"), new NextStep(NextStepKind.ShowStatus)]);
        (await db.ScalarAsync<string>("SELECT origin FROM strata_schema_migrations WHERE version = '2'")).ShouldBe("stamp");

        (await migrator.UnstampAsync(MigrationVersion.Parse("2"))).Removed.Single().Value.ShouldBe("2");
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
        (await db.TableExistsAsync("posts")).ShouldBeTrue();
        await Should.ThrowAsync<ConfigurationException>(() => migrator.StampAsync(MigrationVersion.Parse("3")));
        await Should.ThrowAsync<ConfigurationException>(() => migrator.UnstampAsync(MigrationVersion.Parse("2")));
    }

    [Fact]
    public async Task Unstamp_removes_the_row_of_a_migration_whose_file_is_gone()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var source = UpTests.ThreeTables();
        await db.Migrator(source).UpAsync();
        source.Remove("10_tags.sql");

        await db.Migrator(source).UnstampAsync(MigrationVersion.Parse("10"));

        (await db.Migrator(source).ValidateAsync()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task A_configured_history_table_is_created_in_its_own_schema_on_first_use()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var options = EngineTestKit.FastOptions with { HistoryTable = new HistoryTableName("Ops", "Migrations") };
        var logger = new TestLogger();

        await db.Migrator(UpTests.ThreeTables(), options, logger).UpAsync();

        (await db.ScalarAsync<long>("SELECT count(*) FROM \"Ops\".\"Migrations\"")).ShouldBe(3);
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
        logger.WithEvent(1310).ShouldHaveSingleItem();
        (await db.Migrator(UpTests.ThreeTables(), options).HistoryAsync()).Records.Count.ShouldBe(3);
    }
}
