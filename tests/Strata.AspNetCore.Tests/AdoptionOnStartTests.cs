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
        await using (var setup = db.DataSource.CreateCommand(
            "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL);" +
            "CREATE TABLE IF NOT EXISTS public.schema_migrations (version varchar(128) PRIMARY KEY);" +
            "INSERT INTO public.schema_migrations (version) VALUES ('1');"))
        {
            await setup.ExecuteNonQueryAsync();
        }

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
}
