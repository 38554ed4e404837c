using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Planning;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Adoption;

/// <summary>
/// A database shared with another application, which keeps its tables and its own Flyway history in schema billing:
/// naming that schema in <see cref="MigratorOptions.AdoptionIgnoreSchemas"/> lets this application start its history.
/// </summary>
public sealed class SharedDatabaseTests
{
    // The other application's Flyway history records versions 1 and 2, which this application's migrations also use.
    private static readonly string OtherApplication =
        "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int); INSERT INTO billing.invoices VALUES (1), (2);" +
        ForeignTools.Flyway.Replace("\"public\".", "\"billing\".", StringComparison.Ordinal)
            .Replace("INSERT INTO flyway_schema_history", "INSERT INTO billing.flyway_schema_history", StringComparison.Ordinal);

    private static readonly MigratorOptions IgnoringBilling = new() { AdoptionIgnoreSchemas = ["billing"] };

    [Fact]
    public async Task Without_the_setting_the_other_applications_history_stops_the_first_run()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(OtherApplication);

        var error = await Should.ThrowAsync<AdoptionRequiredException>(() => db.Migrator(UpTests.ThreeTables()).UpAsync());

        error.ForeignTables.ShouldBe(["billing.flyway_schema_history"]);
    }

    [Fact]
    public async Task With_its_schema_ignored_up_applies_every_migration_run_after_run_and_leaves_the_other_schema_alone()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(OtherApplication);
        var migrator = db.Migrator(UpTests.ThreeTables(), IgnoringBilling);

        (await migrator.UpAsync(MigrationTarget.Steps(1))).Migrations.Select(m => m.Version.Value).ShouldBe(["1"]);
        // Once the history has rows, pending versions the other Flyway table records (2) are not taken as run twice.
        (await migrator.UpAsync()).Migrations.Select(m => m.Version.Value).ShouldBe(["2", "10"]);

        (await db.ScalarAsync<long>("SELECT count(*) FROM billing.invoices")).ShouldBe(2);
        (await db.ScalarAsync<long>("SELECT count(*) FROM billing.flyway_schema_history")).ShouldBe(3);
    }

    [Fact]
    public async Task With_its_schema_ignored_tables_elsewhere_still_stop_the_first_run()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(OtherApplication + "CREATE TABLE public.users (id int);");

        var error = await Should.ThrowAsync<AdoptionRequiredException>(() => db.Migrator(UpTests.ThreeTables(), IgnoringBilling).UpAsync());

        error.Message.ShouldContain("already has tables (public.users) but no migration history");
        error.NextSteps.ShouldBe([new NextStep(NextStepKind.Baseline)]);
    }

    [Fact]
    public async Task Adopt_does_not_take_the_history_of_an_ignored_schema()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync(OtherApplication);

        var error = await Should.ThrowAsync<ValidationFailedException>(() => db.Migrator(UpTests.ThreeTables(), IgnoringBilling).AdoptAsync());

        error.Message.ShouldContain("There is no other migration tool's history table to adopt");
        (await db.ScalarAsync<bool>("SELECT to_regclass('public.strata_schema_migrations') IS NULL")).ShouldBeTrue();
    }

    [Fact]
    public void The_schema_of_the_history_table_cannot_be_ignored()
    {
        var options = new MigratorOptions { HistoryTable = HistoryTableName.Parse("ops.history"), AdoptionIgnoreSchemas = ["billing", "ops"] };

        var error = Should.Throw<ConfigurationException>(options.Validate);

        error.Message.ShouldContain("cannot include 'ops', the schema of the history table ops.history");
    }
}
