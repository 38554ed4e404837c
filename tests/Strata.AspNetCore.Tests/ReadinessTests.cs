using System.Net;
using System.Net.Sockets;
using Npgsql;
using Strata.AspNetCore.Tests.Support;
using Strata.Core;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Testing;

namespace Strata.AspNetCore.Tests;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_is_503_before_the_migrations_and_200_after()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url },
            options => options.UseEmbeddedMigrations(typeof(ReadinessTests).Assembly, "testapp/migrations"));

        var before = await HealthBody.GetAsync(host.Client, "/health/ready");
        before.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        before.Status.ShouldBe("Unhealthy");
        before.DatabaseReachable.ShouldBeTrue();
        before.AppliedVersion.ShouldBeNull();
        before.ExpectedVersion.ShouldBe("2");
        before.PendingCount.ShouldBe(2);
        before.Error.ShouldNotBeNull().ShouldContain("no migration is applied; the app expects version 2");
        before.Json.GetProperty("durationMs").GetDouble().ShouldBeGreaterThanOrEqualTo(0);

        await new Migrator(db.DataSource, new EmbeddedMigrationSource(typeof(ReadinessTests).Assembly, "testapp/migrations"))
            .UpAsync(MigrationTarget.To(MigrationVersion.Parse("1")));
        var halfway = await HealthBody.GetAsync(host.Client, "/health/ready");
        halfway.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        halfway.AppliedVersion.ShouldBe("1");
        halfway.PendingCount.ShouldBe(1);
        halfway.Error.ShouldNotBeNull().ShouldContain("the database is at version 1, the app expects 2");

        await new Migrator(db.DataSource, new EmbeddedMigrationSource(typeof(ReadinessTests).Assembly, "testapp/migrations")).UpAsync();
        var after = await HealthBody.GetAsync(host.Client, "/health/ready");
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.Status.ShouldBe("Healthy");
        after.DatabaseReachable.ShouldBeTrue();
        after.AppliedVersion.ShouldBe("2");
        after.ExpectedVersion.ShouldBe("2");
        after.PendingCount.ShouldBe(0);
        after.Error.ShouldBeNull();
    }

    [Fact]
    public async Task Live_answers_200_without_touching_the_database()
    {
        var port = Ports.Unused();
        var url = $"postgres://postgres@127.0.0.1:{port}/nowhere";
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?> { ["DATABASE_URL"] = url });

        using var response = await host.Client.GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"status":"Healthy"}""");
        host.Logs.Entries.ShouldNotContain(e => e.EventId == 1620);
    }

    [Fact]
    public async Task Ready_reports_a_database_that_refuses_connections()
    {
        using var files = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes));
        var port = Ports.Unused();
        var url = $"postgres://postgres@127.0.0.1:{port}/nowhere";
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = url, ["Strata:MigrationsDirectory"] = files.Combine("migrations") });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.DatabaseReachable.ShouldBeFalse();
        ready.AppliedVersion.ShouldBeNull();
        ready.ExpectedVersion.ShouldBe("1");
        ready.PendingCount.ShouldBeNull();
        ready.Error.ShouldBe($"Connection refused by 127.0.0.1:{port}: is PostgreSQL running there and listening on that port?");
    }

    [Fact]
    public async Task Ready_says_the_password_was_refused_not_that_the_database_is_unreachable()
    {
        await using var server = await PasswordServer.StartAsync();
        await server.ExecuteAsync("CREATE ROLE readiness_app LOGIN PASSWORD 'right-one'");
        using var files = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes));
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = $"postgres://readiness_app:wrong-one@127.0.0.1:{server.Port}/postgres",
            ["Strata:MigrationsDirectory"] = files.Combine("migrations"),
        });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Error.ShouldNotBeNull().ShouldStartWith($"Password authentication failed for user \"readiness_app\" on 127.0.0.1:{server.Port}");
        ready.Error.ShouldNotContain("reachable");
        ready.Error.ShouldNotContain("wrong-one");
    }

    [Fact]
    public async Task Ready_answers_within_the_timeout_when_the_server_accepts_but_never_answers()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(100);
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var files = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes));
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = $"postgres://postgres@127.0.0.1:{port}/silent",
            ["Strata:MigrationsDirectory"] = files.Combine("migrations"),
            ["Strata:ReadyTimeout"] = "1s",
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        // Npgsql alone would wait out its connect timeout, 15 s.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.DatabaseReachable.ShouldBeFalse();
        ready.Error.ShouldBe("the database did not answer within 1 s");
    }

    [Fact]
    public async Task Ready_gives_up_on_a_database_that_does_not_answer_within_the_timeout()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var files = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes));
        await new Migrator(db.DataSource, new DirectoryMigrationSource(files.Combine("migrations"))).UpAsync();
        await using var host = await TestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = db.Url,
            ["Strata:MigrationsDirectory"] = files.Combine("migrations"),
            ["Strata:ReadyTimeout"] = "1s",
        });

        // A migration in progress elsewhere holds the history table: reading it waits until the check gives up.
        await using var blocker = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE public.strata_schema_migrations IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.DatabaseReachable.ShouldBeFalse();
        ready.Error.ShouldBe("the database did not answer within 1 s");
        await transaction.RollbackAsync();
        (await HealthBody.GetAsync(host.Client, "/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_database_ahead_of_the_app_is_ready()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var newer = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes), ("2_author.sql", MigrationFiles.AddAuthor), ("3_title.sql", MigrationFiles.AddTitle));
        await new Migrator(db.DataSource, new DirectoryMigrationSource(newer.Combine("migrations"))).UpAsync();
        using var older = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes), ("2_author.sql", MigrationFiles.AddAuthor));
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrationsDirectory"] = older.Combine("migrations") });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.AppliedVersion.ShouldBe("3");
        ready.ExpectedVersion.ShouldBe("2");
        ready.PendingCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_shipped_migration_skipped_out_of_order_keeps_the_app_unready()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var applied = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes), ("3_title.sql", MigrationFiles.AddTitle));
        await new Migrator(db.DataSource, new DirectoryMigrationSource(applied.Combine("migrations"))).UpAsync();
        using var shipped = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes), ("2_author.sql", MigrationFiles.AddAuthor), ("3_title.sql", MigrationFiles.AddTitle));
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrationsDirectory"] = shipped.Combine("migrations") });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.DatabaseReachable.ShouldBeTrue();
        ready.AppliedVersion.ShouldBe("3");
        ready.PendingCount.ShouldBe(1);
        ready.Error.ShouldNotBeNull().ShouldContain("out of order");
    }

    [Fact]
    public async Task Post_deploy_migrations_still_pending_leave_the_app_ready()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var applied = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes), ("2_author.sql", MigrationFiles.AddAuthor));
        await new Migrator(db.DataSource, new DirectoryMigrationSource(applied.Combine("migrations"))).UpAsync();
        using var shipped = MigrationFiles.Write(
            ("1_notes.sql", MigrationFiles.CreateNotes), ("2_author.sql", MigrationFiles.AddAuthor), ("3_title.sql", PostDeploy(MigrationFiles.AddTitle)));
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrationsDirectory"] = shipped.Combine("migrations") });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.AppliedVersion.ShouldBe("2");
        ready.ExpectedVersion.ShouldBe("3");
        ready.PendingCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_pending_pre_deploy_migration_keeps_the_app_unready_beside_a_pending_post_deploy_one()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var applied = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes));
        await new Migrator(db.DataSource, new DirectoryMigrationSource(applied.Combine("migrations"))).UpAsync();
        using var shipped = MigrationFiles.Write(
            ("1_notes.sql", MigrationFiles.CreateNotes), ("2_author.sql", MigrationFiles.AddAuthor), ("3_title.sql", PostDeploy(MigrationFiles.AddTitle)));
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrationsDirectory"] = shipped.Combine("migrations") });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.PendingCount.ShouldBe(2);
        ready.Error.ShouldNotBeNull().ShouldContain("the database is at version 1, the app expects 3");
    }

    // A newer release's deploy runs a transaction:false migration (an index built concurrently, say) while this
    // release still serves: its history row says running for as long as it takes, and the serving app stays ready.
    [Fact]
    public async Task A_newer_release_s_transaction_false_migration_running_now_leaves_the_app_ready()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var older = MigrationFiles.Write(("1_notes.sql", MigrationFiles.CreateNotes), ("2_author.sql", MigrationFiles.AddAuthor));
        await new Migrator(db.DataSource, new DirectoryMigrationSource(older.Combine("migrations"))).UpAsync();
        using var newer = MigrationFiles.Write(
            ("1_notes.sql", MigrationFiles.CreateNotes),
            ("2_author.sql", MigrationFiles.AddAuthor),
            ("3_index.sql", "-- migrate:up transaction:false lock_timeout:60s\nCREATE INDEX CONCURRENTLY notes_author ON notes (author);\n"));
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrationsDirectory"] = older.Combine("migrations") });

        // An open transaction that wrote to the table: the concurrent build waits for it to end.
        await using var writer = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO notes (body) VALUES ('held')", writer, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var deploy = new Migrator(db.DataSource, new DirectoryMigrationSource(newer.Combine("migrations"))).UpAsync();
        await db.WaitForQueryAsync("CREATE INDEX CONCURRENTLY notes_author");

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.AppliedVersion.ShouldBe("2");
        ready.Error.ShouldBeNull();
        await transaction.CommitAsync();
        (await deploy).Migrations.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_shipped_post_deploy_migration_interrupted_part_way_leaves_the_app_ready()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var shipped = MigrationFiles.Write(
            ("1_notes.sql", MigrationFiles.CreateNotes),
            ("2_title.sql", "-- migrate:up transaction:false phase:post\nALTER TABLE notes ADD COLUMN title text;\nSELECT * FROM no_such_table;\n"));
        await Should.ThrowAsync<Exception>(() => new Migrator(db.DataSource, new DirectoryMigrationSource(shipped.Combine("migrations"))).UpAsync());
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrationsDirectory"] = shipped.Combine("migrations") });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.AppliedVersion.ShouldBe("1");
        ready.PendingCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_shipped_pre_deploy_migration_interrupted_part_way_keeps_the_app_unready()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var shipped = MigrationFiles.Write(
            ("1_notes.sql", MigrationFiles.CreateNotes),
            ("2_title.sql", "-- migrate:up transaction:false\nALTER TABLE notes ADD COLUMN title text;\nSELECT * FROM no_such_table;\n"));
        await Should.ThrowAsync<Exception>(() => new Migrator(db.DataSource, new DirectoryMigrationSource(shipped.Combine("migrations"))).UpAsync());
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrationsDirectory"] = shipped.Combine("migrations") });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Error.ShouldBe("migration 2 did not finish (transaction:false): unless a run is still going, resolve it with strata repair");
    }

    // A batched backfill that stopped part-way is resumed by the next up, not resolved by repair.
    [Fact]
    public async Task A_shipped_backfill_stopped_part_way_keeps_the_app_unready_and_names_up_as_what_resumes_it()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var shipped = MigrationFiles.Write(
            ("1_notes.sql", "-- migrate:up\nCREATE TABLE notes (id bigint PRIMARY KEY, n int);\nINSERT INTO notes (id) SELECT generate_series(1, 5);\n"),
            ("2_fill.sql", "-- migrate:up transaction:false\n-- strata:batch size=1 pause=0\nUPDATE notes SET n = 10 / (id - 3) WHERE n IS NULL;\n"));
        await Should.ThrowAsync<Exception>(() => new Migrator(db.DataSource, new DirectoryMigrationSource(shipped.Combine("migrations"))).UpAsync());
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrationsDirectory"] = shipped.Combine("migrations") });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Error.ShouldBe("migration 2 stopped in its batched backfill: unless a run is still going, strata up resumes it");
    }

    [Fact]
    public async Task Ready_says_when_the_apps_migrations_cannot_be_read()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await using var host = await TestHost.StartAsync(
            new Dictionary<string, string?> { ["DATABASE_URL"] = db.Url, ["Strata:MigrationsDirectory"] = "no/such/directory" });

        var ready = await HealthBody.GetAsync(host.Client, "/health/ready");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.Error.ShouldNotBeNull().ShouldStartWith("the app's migrations cannot be read: migrations directory ");
        ready.Error.ShouldContain("no/such/directory does not exist");
    }

    private static string PostDeploy(string sql) => sql.Replace("-- migrate:up\n", "-- migrate:up phase:post\n", StringComparison.Ordinal);
}
