using Strata.AspNetCore.Tests.Support;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

public sealed class SqlLogRedactionTests
{
    // The host logs each command Npgsql runs at Debug, SQL and all: a role's password literal in a migration is masked.
    [Fact]
    public async Task The_sql_logged_for_migrate_on_start_masks_a_password_literal()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var project = TestDirectory.Create();
        Directory.CreateDirectory(project.Combine("db/migrations"));
        await File.WriteAllTextAsync(
            project.Combine("db/migrations/1_role_note.sql"), "-- migrate:up\nSELECT 1 /* ALTER ROLE someone PASSWORD 'Host-logged-secret-5' */;\n");

        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            ["Strata:MigrateOnStart"] = "true",
            ["Strata:WorkingDirectory"] = project.Path,
        });

        var logs = host.Logs.AllText();
        logs.ShouldContain("ALTER ROLE someone PASSWORD '********'");
        logs.ShouldNotContain("Host-logged-secret-5");
    }
}
