using Strata.Scenarios.Doors;
using Strata.Scenarios.Support;
using static Strata.Scenarios.Support.Migrations;

namespace Strata.Scenarios.Scenarios;

/// <summary>How the history is kept: stamping, a custom history table, and an applied file that went missing.</summary>
public sealed class HistoryScenarios
{
    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Stamps_a_migration_that_was_applied_by_hand(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1));
        (await strata.UpAsync(scene)).ShouldHaveRun("1");
        await scene.ExecuteAsync("CREATE TABLE t2 (id int)");
        scene.Write(Table(2).Name, Table(2).Sql);

        var stamped = await strata.StampAsync(scene, "2");

        if (door == FrontDoors.WebHost)
        {
            // The web host cannot stamp; what it does instead is run migration 2, which fails on the table made by
            // hand and leaves nothing recorded. The operator then stamps through the library.
            stamped.ErrorKind.ShouldBe(Outcome.NotOffered);
            (await scene.HistoryAsync()).ShouldBe(["1"]);
            var refused = await strata.UpAsync(scene);
            refused.ShouldBeRefused(1, "migration-failed", "2_create_t2");
            (await scene.HistoryAsync()).ShouldBe(["1"]);
            stamped = await FrontDoors.TheLibrary.StampAsync(scene, "2");
        }

        stamped.ShouldHaveRun("2");
        (await scene.HistoryAsync()).ShouldBe(["1", "2"]);
        (await strata.UpAsync(scene)).ShouldHaveRun();
        (await strata.DownAsync(scene, "1")).ShouldHaveRun("2");
        (await scene.ExistsAsync("t2")).ShouldBeFalse();
        (await strata.UpAsync(scene)).ShouldHaveRun("2");
        (await scene.ExistsAsync("t2")).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Keeps_the_history_in_the_table_strata_json_names(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync("audit.schema_log", Table(1), Table(2));
        (await strata.StatusAsync(scene)).ShouldReport(null, 2);

        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");

        (await scene.HistoryAsync()).ShouldBe(["1", "2"]);
        (await scene.ExistsAsync("public.strata_schema_migrations")).ShouldBeFalse();
        (await strata.StatusAsync(scene)).ShouldReport("2", 0);
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("2", "1");
        (await scene.HistoryAsync()).ShouldBeEmpty();
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");
    }

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Applies_new_migrations_while_an_applied_file_is_missing(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), Table(2));
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");
        File.Delete(Path.Combine(scene.MigrationsDirectory, Table(1).Name));
        scene.Write(Table(3).Name, Table(3).Sql);

        (await strata.UpAsync(scene)).ShouldHaveRun("3");

        (await scene.HistoryAsync()).ShouldBe(["1", "2", "3"]);
        (await strata.StatusAsync(scene)).ShouldReport("3", 0);
        (await strata.DownAsync(scene, "1")).ShouldHaveRun("3", "2");
        (await strata.DownAsync(scene, "0")).ShouldBeRefused(5, "validation-failed", "1_create_t1");
        scene.Write(Table(1).Name, Table(1).Sql);
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("1");
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2", "3");
    }
}
