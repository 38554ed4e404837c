using Strata.Core.Configuration;
using Strata.Core.Lifecycle;
using Strata.Core.Sessions;
using Strata.Core.Tests.Connections;
using Strata.Core.Tests.Engine;
using Strata.Core.Tests.Lifecycle;
using Strata.Testing;

namespace Strata.Core.Tests.Sessions;

public sealed class StrataSessionTests
{
    [Fact]
    public async Task The_engine_and_the_lifecycle_of_a_session_use_the_settings_history_table_and_directory()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        work.Write("strata.json", """{ "historyTable": "ops.applied", "migrationsDir": "sql" }""");
        work.Write("sql/1_first.sql", "-- migrate:up\nCREATE TABLE first (id int);\n-- migrate:down\nDROP TABLE first;\n");
        var settings = await new StrataSettingsBuilder(work.Path, new Dictionary<string, string> { ["DATABASE_URL"] = db.Url }).BuildAsync();

        await using var session = await StrataSession.OpenAsync(settings);
        var run = await (await session.MigratorAsync()).UpAsync();
        var info = await session.Lifecycle.InfoAsync();

        run.Migrations.Select(m => m.Version.Value).ShouldBe(["1"]);
        (await db.ScalarAsync<long>("SELECT count(*) FROM ops.applied")).ShouldBe(1L);
        info.HistoryTable.ShouldBe("ops.applied");
        info.MigrationVersion.ShouldBe("1");
    }

    [Fact]
    public async Task Engine_options_the_settings_do_not_cover_can_be_adjusted_and_are_validated()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var work = new TempDirectory();
        var settings = await new StrataSettingsBuilder(work.Path, new Dictionary<string, string>())
            .Set(SettingCatalog.DatabaseUrl, db.Url, "code")
            .Set(SettingCatalog.LockWait, "7s", "code")
            .BuildAsync();

        await using var tuned = await StrataSession.OpenAsync(
            settings, new StrataSessionOptions { Engine = o => o with { LockRetryDelay = EngineTestKit.FastOptions.LockRetryDelay } });
        var error = await Should.ThrowAsync<Errors.ConfigurationException>(() => StrataSession.OpenAsync(
            settings, new StrataSessionOptions { Engine = o => o with { AdvisoryLockPollInterval = TimeSpan.Zero } }));

        tuned.EngineOptions.AdvisoryLockWait.ShouldBe(TimeSpan.FromSeconds(7));
        tuned.EngineOptions.LockRetryDelay.ShouldBe(EngineTestKit.FastOptions.LockRetryDelay);
        error.Message.ShouldContain("poll and report intervals must be positive");
    }

    [Fact]
    public async Task A_direct_lifecycle_without_a_migrations_directory_says_where_to_give_one_and_creates_nothing()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var url = LifecycleKit.NewDatabaseUrl(db, "nodir", out var name);
        var lifecycle = new DatabaseLifecycle(await Resolve.UrlAsync(url));

        var error = await Should.ThrowAsync<Errors.ConfigurationException>(() => lifecycle.SetupAsync(new SetupOptions { SkipSeed = true }));

        error.Message.ShouldContain("DatabaseLifecycleOptions.MigrationsDirectory");
        (await LifecycleKit.DatabaseExistsAsync(db, name)).ShouldBeFalse();
    }
}
