using Strata.AspNetCore.Tests.Support;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

public sealed class AdoptionOnStartTests
{
    [Fact]
    public async Task Migrate_on_start_refuses_a_database_dbmate_migrated_and_changes_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await MigrateWithDbmateAsync(db);

        await using var host = TestHost.Create(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrateOnStart"] = "true" },
            options => options.UseEmbeddedMigrations(typeof(AdoptionOnStartTests).Assembly, "testapp/migrations"));

        var error = await Should.ThrowAsync<AdoptionRequiredException>(host.StartAsync);

        error.Message.ShouldContain("public.schema_migrations is dbmate's history table");
        host.Logs.Entries.ShouldContain(e => e.EventId == 1613 && e.Message.Contains("(adoption-required)"));
        host.ExitCode.ShouldBe(5);
        await using var command = db.DataSource.CreateCommand("SELECT to_regclass('public.strata_schema_migrations') IS NULL");
        (await command.ExecuteScalarAsync()).ShouldBe(true);
    }

    // Readiness says why the app is unready in terms that lead somewhere: up refuses here, so it names the adoption.
    [Fact]
    public async Task Readiness_on_a_database_another_tool_migrated_names_the_adoption_not_strata_up()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await MigrateWithDbmateAsync(db);

        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url },
            options => options.UseEmbeddedMigrations(typeof(AdoptionOnStartTests).Assembly, "testapp/migrations"));

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        ready.Error.ShouldNotBeNull().ShouldContain(
            "no migration is applied; the app expects version 2; 'strata up' would refuse to run the pending migrations: public.schema_migrations is dbmate's history table");
        ready.Error.ShouldNotContain("apply the migrations (strata up)");
    }

    // Migration 1 of the test app applied by dbmate: its table and dbmate's history row.
    private static async Task MigrateWithDbmateAsync(TestDatabase db)
    {
        await using var setup = db.DataSource.CreateCommand(
            "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL);" +
            "CREATE TABLE IF NOT EXISTS public.schema_migrations (version varchar(128) PRIMARY KEY);" +
            "INSERT INTO public.schema_migrations (version) VALUES ('1');");
        await setup.ExecuteNonQueryAsync();
    }
}
