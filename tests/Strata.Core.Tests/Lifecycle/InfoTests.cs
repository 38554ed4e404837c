using Strata.Core.Lifecycle;
using Strata.Core.Tests.Connections;
using Strata.Core.Tests.Engine;
using Strata.Testing;

namespace Strata.Core.Tests.Lifecycle;

public sealed class InfoTests
{
    [Fact]
    public async Task Reports_version_size_and_tables_and_says_when_there_is_no_history_table()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE a (id int); CREATE TABLE b (id int) PARTITION BY RANGE (id); CREATE VIEW v AS SELECT 1 AS x");
        var lifecycle = await LifecycleKit.ForAsync(db);

        var info = await lifecycle.InfoAsync();

        info.Database.ShouldBe(db.Name);
        info.ServerVersion.ShouldBe(await db.ScalarAsync<string>("SHOW server_version"));
        info.Tables.ShouldBe(2);
        info.SizeBytes.ShouldBeGreaterThan(0);
        info.Size.ShouldEndWith("B");
        info.HistoryTable.ShouldBe("public.strata_schema_migrations");
        info.HistoryTableExists.ShouldBeFalse();
        info.MigrationVersion.ShouldBeNull();
    }

    [Fact]
    public async Task Reports_the_highest_applied_version_comparing_versions_as_numbers_and_skipping_unfinished_ones()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        work.Write("m/9_first.sql", "-- migrate:up\nCREATE TABLE one (id int);\n-- migrate:down\n");
        work.Write("m/10_second.sql", "-- migrate:up\nCREATE TABLE two (id int);\n-- migrate:down\n");
        var lifecycle = await LifecycleKit.ForAsync(db, migrations: work.Combine("m"));
        await lifecycle.SetupAsync(new SetupOptions { SkipSeed = true });
        await db.ExecuteAsync(
            "INSERT INTO strata_schema_migrations SELECT '11', 'unfinished', checksum, checksum_algorithm, 'running', 0, 1, applied_at, applied_by, client_host, strata_version, NULL, origin FROM strata_schema_migrations WHERE version = '10'");

        var info = await lifecycle.InfoAsync();

        info.HistoryTableExists.ShouldBeTrue();
        info.MigrationVersion.ShouldBe("10");
        info.AppliedMigrations.ShouldBe(2);
        info.Tables.ShouldBe(3);
    }
}
