using System.Diagnostics;
using System.Reflection;
using Npgsql;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

/// <summary>deploy/sql/bootstrap-roles.sql run with psql on a fresh database, as the deploy's migration task runs it.</summary>
public sealed class LeastPrivilegeTests
{
    private static readonly string Script = Path.GetFullPath(Path.Combine(
        typeof(LeastPrivilegeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "deploy", "sql", "bootstrap-roles.sql"));

    [Fact]
    public async Task The_app_role_cannot_create_a_table_but_reads_and_writes_one_the_migration_role_creates_later()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (migrator, app) = ($"migrator_{suffix}", $"app_{suffix}");
        try
        {
            await BootstrapAsync(db, migrator, app);
            await BootstrapAsync(db, migrator, app);   // every deploy runs it again

            await using var asApp = DataSourceAs(db, app);
            await using var asMigrator = DataSourceAs(db, migrator);
            var refused = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(asApp, "CREATE TABLE sneaky (id int)"));
            refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);

            await ExecuteAsync(asMigrator, "CREATE TABLE notes (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL)");
            await ExecuteAsync(asApp, "INSERT INTO notes (body) VALUES ('written by the app')");
            await ExecuteAsync(asApp, "UPDATE notes SET body = body || '!'");
            await using (var read = asApp.CreateCommand("SELECT body FROM notes"))
            {
                (await read.ExecuteScalarAsync()).ShouldBe("written by the app!");
            }

            await ExecuteAsync(asApp, "DELETE FROM notes");
            (await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(asApp, "ALTER TABLE notes ADD COLUMN x int"))).SqlState
                .ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
            (await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(asApp, "DROP TABLE notes"))).SqlState
                .ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
            await using var owner = db.DataSource.CreateCommand("SELECT tableowner FROM pg_tables WHERE tablename = 'notes'");
            (await owner.ExecuteScalarAsync()).ShouldBe(migrator);
        }
        finally
        {
            // Roles belong to the whole server, which every test shares: drop what they own here, then the roles.
            // One role per statement: the default privileges name both, and one DROP OWNED would meet them twice.
            await ExecuteAsync(db.DataSource, $"DROP OWNED BY {migrator}");
            await ExecuteAsync(db.DataSource, $"DROP OWNED BY {app}");
            await ExecuteAsync(db.DataSource, $"DROP ROLE {migrator}");
            await ExecuteAsync(db.DataSource, $"DROP ROLE {app}");
        }
    }

    // The test server trusts loopback: the login is by name, the privileges are what is tested.
    private static NpgsqlDataSource DataSourceAs(TestDatabase db, string role) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role, Pooling = false }.ConnectionString);

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task BootstrapAsync(TestDatabase db, string migrator, string app)
    {
        var info = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            db.Url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", Script,
            "-v", $"migrator_role={migrator}", "-v", "migrator_password=unused-on-trust-1",
            "-v", $"app_role={app}", "-v", "app_password=unused-on-trust-2", "-v", "schema=public",
        })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await stdout + await stderr);
    }
}
