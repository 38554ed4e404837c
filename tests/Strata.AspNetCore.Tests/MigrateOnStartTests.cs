using System.Net;
using Strata.AspNetCore.Tests.Support;
using Strata.Core.Errors;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

public sealed class MigrateOnStartTests
{
    [Fact]
    public async Task Applies_the_embedded_migrations_while_the_host_starts()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrateOnStart"] = "true" },
            options => options.UseEmbeddedMigrations(typeof(MigrateOnStartTests).Assembly, "testapp/migrations"));

        (await AppliedVersionsAsync(db)).ShouldBe(["1", "2"]);
        (await HealthBody.GetAsync(host.Client, "/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Logs.Entries.ShouldContain(e => e.EventId == 1611 && e.Message.Contains("applied 2 migration(s) (1, 2)"));
    }

    [Fact]
    public async Task Is_off_unless_asked_for()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url },
            options => options.UseEmbeddedMigrations(typeof(MigrateOnStartTests).Assembly, "testapp/migrations"));

        await using var command = db.DataSource.CreateCommand("SELECT to_regclass('public.strata_schema_migrations') IS NULL");
        (await command.ExecuteScalarAsync()).ShouldBe(true);
    }

    [Fact]
    public async Task Logs_that_there_is_nothing_to_apply_on_a_migrated_database()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var config = new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrateOnStart"] = "true" };
        void Embedded(StrataOptions options) => options.UseEmbeddedMigrations(typeof(MigrateOnStartTests).Assembly, "testapp/migrations");
        await using (await TestHost.StartAsync(config, Embedded))
        {
        }

        await using var second = await TestHost.StartAsync(config, Embedded);

        second.Logs.Entries.ShouldContain(e => e.EventId == 1612);
        (await AppliedVersionsAsync(db)).ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task The_server_does_not_listen_and_readiness_says_migrating_until_the_migrations_are_applied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var gate = await AdvisoryGate.CloseAsync(db, 7_300_001);
        using var files = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes), ("2_wait.sql", gate.Migration));
        var port = Ports.Unused();
        await using var host = TestHost.Create(
            new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = db.Url,
                ["Strata:MigrateOnStart"] = "true",
                ["Strata:MigrationsDirectory"] = files.Combine("migrations"),
            },
            url: $"http://127.0.0.1:{port}");

        var starting = host.StartAsync();
        await gate.WaitUntilSomeoneWaitsAsync();

        starting.IsCompleted.ShouldBeFalse();
        (await Ports.IsListeningAsync(port)).ShouldBeFalse();
        var migrating = await host.Get<Health.StrataReadinessProbe>().CheckAsync(CancellationToken.None);
        migrating.IsReady.ShouldBeFalse();
        migrating.Problem.ShouldBe("migrating: applying pending migrations");
        await gate.OpenAsync();
        await starting;
        (await AppliedVersionsAsync(db)).ShouldBe(["1", "2"]);
        (await Ports.IsListeningAsync(port)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_failing_migration_stops_the_start_with_a_clear_log_line_and_nothing_listening()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = MigrationFiles.Write(
            ("1_notes.sql", MigrationFiles.CreateNotes),
            ("2_broken.sql", "-- migrate:up\nALTER TABLE notes ADD COLUMN author no_such_type;\n"));
        var port = Ports.Unused();
        await using var host = TestHost.Create(
            new Dictionary<string, string?>
            {
                ["DATABASE_URL"] = db.Url,
                ["Strata:MigrateOnStart"] = "true",
                ["Strata:MigrationsDirectory"] = files.Combine("migrations"),
            },
            url: $"http://127.0.0.1:{port}");

        var error = await Should.ThrowAsync<MigrationFailedException>(host.StartAsync);

        error.Message.ShouldContain("2_broken.sql");
        var line = host.Logs.Entries.Where(e => e.EventId == 1613).ShouldHaveSingleItem();
        line.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Critical);
        line.Message.ShouldStartWith("Migrate on start failed (migration-failed): ");
        line.Message.ShouldContain("no_such_type");
        line.Message.ShouldEndWith("the app stops without serving requests");
        host.ExitCode.ShouldBe(1);
        (await Ports.IsListeningAsync(port)).ShouldBeFalse();
        (await AppliedVersionsAsync(db)).ShouldBe(["1"]);
    }

    [Fact]
    public async Task Gives_up_when_another_runner_keeps_the_migration_lock()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes));
        var config = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            ["Strata:MigrateOnStart"] = "true",
            ["Strata:MigrationsDirectory"] = files.Combine("migrations"),
            ["Strata:LockWait"] = "0",
        };
        // A first host holds the migration lock for as long as its start is blocked inside a migration.
        await using var gate = await AdvisoryGate.CloseAsync(db, 7_300_002);
        using var slow = MigrationFiles.Write(("1_wait.sql", gate.Migration));
        await using var first = TestHost.Create(new Dictionary<string, string?>(config) { ["Strata:MigrationsDirectory"] = slow.Combine("migrations") });
        var firstStart = first.StartAsync();
        await gate.WaitUntilSomeoneWaitsAsync();
        await using var second = TestHost.Create(config);

        await Should.ThrowAsync<LockNotAcquiredException>(second.StartAsync);

        second.Logs.Entries.ShouldContain(e => e.EventId == 1613 && e.Message.Contains("(lock-not-acquired)"));
        second.ExitCode.ShouldBe(4);
        await gate.OpenAsync();
        await firstStart;
    }

    [Fact]
    public async Task In_the_background_serves_only_the_health_endpoints_and_reports_migrating_until_the_migrations_are_applied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var gate = await AdvisoryGate.CloseAsync(db, 7_300_001);
        using var files = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes), ("2_wait.sql", gate.Migration));
        await using var host = TestHost.Create(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            ["Strata:MigrateOnStart"] = "true",
            ["Strata:MigrateInBackground"] = "true",
            ["Strata:MigrationsDirectory"] = files.Combine("migrations"),
        });

        await host.StartAsync();
        await gate.WaitUntilSomeoneWaitsAsync();

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Status.ShouldBe("Unhealthy");
        ready.Error.ShouldBe("migrating: applying pending migrations");
        ready.ExpectedVersion.ShouldBe("2");
        (await HealthBody.GetAsync(host.Client, "/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var early = await host.Client.GetAsync(TestHost.AppPath))
        {
            early.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            early.Headers.RetryAfter.ShouldNotBeNull();
            (await early.Content.ReadAsStringAsync()).ShouldContain("migrating");
        }

        var migrated = host.Get<StrataDatabase>().WhenMigratedAsync(CancellationToken.None);
        migrated.IsCompleted.ShouldBeFalse();
        await gate.OpenAsync();
        (await migrated).ShouldBeTrue();
        await host.SettledAsync();

        (await HealthBody.GetAsync(host.Client, "/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.Client.GetStringAsync(TestHost.AppPath)).ShouldBe("hello");
        (await AppliedVersionsAsync(db)).ShouldBe(["1", "2"]);
    }

    [Fact]
    public async Task In_the_background_a_failing_migration_stops_the_app_and_reaches_Run_with_exit_code_1()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = MigrationFiles.Write(("1_broken.sql", "-- migrate:up\nCREATE TABLE notes (id no_such_type);\n"));
        await using var host = TestHost.Create(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            ["Strata:MigrateOnStart"] = "true",
            ["Strata:MigrateInBackground"] = "true",
            ["Strata:MigrationsDirectory"] = files.Combine("migrations"),
        });

        await host.StartAsync();
        await host.SettledAsync();

        host.App.Lifetime.ApplicationStopping.IsCancellationRequested.ShouldBeTrue();
        (await host.Get<StrataDatabase>().WhenMigratedAsync(CancellationToken.None)).ShouldBeFalse();
        // The host's stop (which app.Run() awaits) throws it, as a failed start does in the default mode: an app that
        // returns 0 once Run returns does not report the failure as success.
        await Should.ThrowAsync<MigrationFailedException>(() => host.App.StopAsync());
        host.ExitCode.ShouldBe(1);
        var line = host.Logs.Entries.Where(e => e.EventId == 1613).ShouldHaveSingleItem();
        line.Message.ShouldContain("(migration-failed)");
        line.Message.ShouldEndWith("the app stops; it served only its health endpoints meanwhile");
    }

    private static async Task<List<string>> AppliedVersionsAsync(TestDatabase db)
    {
        await using var command = db.DataSource.CreateCommand("SELECT version FROM public.strata_schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<string>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetValue(0).ToString()!);
        }

        return versions;
    }
}
