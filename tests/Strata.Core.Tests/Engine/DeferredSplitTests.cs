using Npgsql;
using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Tests.Migrations;
using Strata.Testing;

namespace Strata.Core.Tests.Engine;

/// <summary>
/// A directory's files are split into statements only when they may run (see docs/performance.md). These check that
/// a broken file that may run is still refused before anything is written, wherever it stands.
/// </summary>
public sealed class DeferredSplitTests
{
    private const string Broken = "-- migrate:up\nCREATE TABLE broken (id int);\nSELECT 'never closed;\n";

    [Fact]
    public async Task A_broken_pending_file_stops_the_first_run_before_the_history_table_is_created()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        dir.Write("1_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n");
        dir.Write("2_broken.sql", Broken);

        var error = await Should.ThrowAsync<SqlSyntaxException>(() => Migrator(db, dir).UpAsync());

        error.Message.ShouldStartWith($"{Path.Combine(dir.Path, "2_broken.sql")}:3:8: unterminated string");
        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
        (await db.TableExistsAsync("users")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_broken_file_beyond_the_target_still_stops_the_run_before_anything_is_applied()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        dir.Write("1_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n");
        await Migrator(db, dir).UpAsync();
        dir.Write("2_posts.sql", "-- migrate:up\nCREATE TABLE posts (id int);\n");
        dir.Write("3_broken.sql", Broken);

        await Should.ThrowAsync<SqlSyntaxException>(() => Migrator(db, dir).UpAsync(MigrationTarget.To(MigrationVersion.Parse("2"))));

        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
        (await db.TableExistsAsync("posts")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_first_broken_file_in_version_order_is_the_one_reported()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        dir.Write("20_broken.sql", Broken);
        dir.Write("3_broken.sql", "-- migrate:up\nSELECT $$never closed;\n");

        var error = await Should.ThrowAsync<SqlSyntaxException>(() => Migrator(db, dir).UpAsync());

        error.Message.ShouldStartWith(Path.Combine(dir.Path, "3_broken.sql") + ":2:");
    }

    [Fact]
    public async Task Among_many_pending_files_split_in_parallel_the_first_broken_in_version_order_is_reported()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        for (var i = 1; i <= 200; i++)
        {
            dir.Write($"{i}_m.sql", i is 70 or 150 ? Broken : $"-- migrate:up\nCREATE TABLE t{i} (id int);\n");
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var error = await Should.ThrowAsync<SqlSyntaxException>(() => Migrator(db, dir).UpAsync());

            error.Message.ShouldStartWith(Path.Combine(dir.Path, "70_m.sql") + ":3:8:");
        }

        (await db.TableExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_first_run_refused_by_its_plan_while_the_history_table_is_created_leaves_it_ready_for_the_next()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        dir.Write("1_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n");

        await Should.ThrowAsync<StrataException>(() => Migrator(db, dir).UpAsync(MigrationTarget.To(MigrationVersion.Parse("999"))));

        (await db.TableExistsAsync("users")).ShouldBeFalse();
        (await Migrator(db, dir).UpAsync()).Migrations.Count.ShouldBe(1);
        (await db.HistoryVersionsAsync()).ShouldBe(["1"]);
    }

    [Fact]
    public async Task An_applied_file_edited_into_broken_SQL_is_reported_as_edited_and_not_split()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        dir.Write("1_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n");
        await Migrator(db, dir).UpAsync();
        dir.Write("1_users.sql", Broken);

        var error = await Should.ThrowAsync<ValidationFailedException>(() => Migrator(db, dir).UpAsync());

        error.Message.ShouldContain("edited");
    }

    [Fact]
    public async Task Status_and_a_dry_run_report_a_broken_pending_file()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var dir = new TempDirectory();
        dir.Write("1_broken.sql", Broken);
        var migrator = Migrator(db, dir);

        await Should.ThrowAsync<SqlSyntaxException>(() => migrator.StatusAsync());
        await Should.ThrowAsync<SqlSyntaxException>(() => migrator.UpAsync(dryRun: true));
    }

    [Fact]
    public async Task A_broken_file_is_the_error_when_the_database_cannot_be_reached()
    {
        using var dir = new TempDirectory();
        dir.Write("1_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n");
        dir.Write("2_broken.sql", Broken);
        await using var dead = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");
        var migrator = new Migrator(dead, new DirectoryMigrationSource(dir.Path), EngineTestKit.FastOptions);

        await Should.ThrowAsync<SqlSyntaxException>(() => migrator.UpAsync());
        await Should.ThrowAsync<SqlSyntaxException>(() => migrator.StatusAsync());
    }

    [Fact]
    public async Task A_file_read_without_splitting_splits_to_what_an_eager_read_gives()
    {
        using var dir = new TempDirectory();
        dir.Write("1_batched.sql",
            "-- migrate:up transaction:false\nCREATE TABLE t (id int);\n-- strata:batch size=10\nUPDATE t SET id = id + 1;\n-- migrate:down\nDROP TABLE t;\n");
        var source = new DirectoryMigrationSource(dir.Path);

        var eager = (await source.LoadAsync(CancellationToken.None))[0];
        var deferred = (await source.LoadAsync(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, splitStatements: false, CancellationToken.None))[0];

        deferred.Up.Sql.ShouldBe(eager.Up.Sql);
        deferred.Up.Statements.Select(s => (s.Text, s.Line, s.Column)).ShouldBe(eager.Up.Statements.Select(s => (s.Text, s.Line, s.Column)));
        deferred.Up.Batches.Keys.ShouldBe(eager.Up.Batches.Keys);
        deferred.Down!.Statements.Select(s => s.Text).ShouldBe(["DROP TABLE t;"]);
        deferred.Checksum.ShouldBe(eager.Checksum);
    }

    private static Migrator Migrator(TestDatabase db, TempDirectory dir) =>
        new(db.DataSource, new DirectoryMigrationSource(dir.Path), EngineTestKit.FastOptions);
}
