using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Adoption;

public sealed class ExistingSchemaTests
{
    [Fact]
    public async Task Up_refuses_a_schema_with_tables_but_no_history_and_changes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema + "CREATE SCHEMA billing; CREATE VIEW billing.totals AS SELECT 1 AS n;");
        var before = await CatalogListing.ReadAsync(db);

        var error = await Should.ThrowAsync<AdoptionRequiredException>(() => db.Migrator(UpTests.ThreeTables()).UpAsync());

        error.Message.ShouldContain("already has tables (billing.totals, public.posts, public.users) but no migration history");
        error.NextSteps.ShouldBe([new NextStep(NextStepKind.Baseline)]);
        error.ForeignTables.ShouldBeEmpty();
        (await CatalogListing.ReadAsync(db)).ShouldBe(before);
    }

    [Fact]
    public async Task Baseline_then_up_applies_only_the_migrations_after_the_baseline()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema);
        var migrator = db.Migrator(UpTests.ThreeTables());

        await migrator.BaselineAsync(MigrationVersion.Parse("2"));

        (await migrator.UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["10"]);
    }

    [Fact]
    public async Task Up_with_a_baseline_records_the_existing_migrations_then_applies_the_rest_under_one_lock()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(ForeignTools.AppliedSchema);

        var result = await db.Migrator(UpTests.ThreeTables()).BaselineAndUpAsync(MigrationVersion.Parse("2"));

        result.Migrations.Select(m => m.Version.Value).ShouldBe(["10"]);
        (await db.ScalarAsync<string>("SELECT string_agg(origin, ',' ORDER BY length(version), version) FROM strata_schema_migrations")).ShouldBe("baseline,baseline,run");
    }

    [Fact]
    public async Task Up_with_a_baseline_ignores_it_once_there_is_history()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(UpTests.ThreeTables());
        await migrator.UpAsync(MigrationTarget.Steps(1));

        (await migrator.BaselineAndUpAsync(MigrationVersion.Parse("10"))).Migrations.Select(m => m.Version.Value).ShouldBe(["2", "10"]);
    }

    [Fact]
    public async Task A_database_holding_only_extensions_is_migrated()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var extension = await db.ScalarAsync<string>(
            "SELECT name FROM pg_available_extensions WHERE name IN ('pg_stat_statements', 'hstore', 'pgcrypto', 'citext', 'pg_trgm', 'plpgsql') AND installed_version IS NULL ORDER BY name LIMIT 1");
        if (extension is not null)
        {
            await db.ExecuteAsync($"CREATE EXTENSION \"{extension}\"");
        }

        (await db.Migrator(UpTests.ThreeTables()).UpAsync()).Migrations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_database_whose_only_relations_belong_to_an_extension_is_migrated()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE EXTENSION pg_stat_statements");
        (await db.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname = 'pg_stat_statements'")).ShouldBe(1);

        (await db.Migrator(UpTests.ThreeTables()).UpAsync()).Migrations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Up_refuses_a_database_holding_only_a_view()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE VIEW answer AS SELECT 42 AS value");

        var error = await Should.ThrowAsync<AdoptionRequiredException>(() => db.Migrator(UpTests.ThreeTables()).UpAsync());

        error.Message.ShouldContain("public.answer");
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_refused_up_does_not_create_the_history_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE legacy (id int)");

        await Should.ThrowAsync<AdoptionRequiredException>(() => db.Migrator(UpTests.ThreeTables()).RedoAsync());

        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task Strata_s_own_backfill_table_left_by_rolling_everything_back_is_not_taken_for_the_application_s()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var migrator = db.Migrator(new TestMigrationSource()
            .Add("1_t.sql", "-- migrate:up\nCREATE TABLE t (id int PRIMARY KEY, v int);\nINSERT INTO t SELECT g, 0 FROM generate_series(1, 10) g;\n-- migrate:down\nDROP TABLE t;\n")
            .Add("2_fill.sql", "-- migrate:up transaction:false\n-- strata:batch size=3\nUPDATE t SET v = 1;\n-- migrate:down\nSELECT 1;\n"));
        await migrator.UpAsync();
        await migrator.DownAsync(MigrationTarget.All);

        (await db.TableExistsAsync("public.strata_schema_migrations_backfill")).ShouldBeTrue();
        (await migrator.ValidateAsync()).Problems.ShouldBeEmpty();
        (await migrator.UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["1", "2"]);
    }

}
