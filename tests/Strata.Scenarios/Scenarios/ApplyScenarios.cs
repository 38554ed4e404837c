using Strata.Scenarios.Doors;
using Strata.Scenarios.Support;
using static Strata.Scenarios.Support.Migrations;

namespace Strata.Scenarios.Scenarios;

/// <summary>Applying, re-running and rolling back to a version, through every front door.</summary>
public sealed class ApplyScenarios
{
    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Applies_pending_migrations_in_order_then_rolls_them_back_and_applies_them_again(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), Table(2), Table(3));

        (await strata.StatusAsync(scene)).ShouldReport(null, 3);
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2", "3");
        (await scene.HistoryAsync()).ShouldBe(["1", "2", "3"]);
        (await scene.ExistsAsync("t3")).ShouldBeTrue();
        (await strata.StatusAsync(scene)).ShouldReport("3", 0);

        (await strata.DownAsync(scene, "0")).ShouldHaveRun("3", "2", "1");
        (await scene.HistoryAsync()).ShouldBeEmpty();
        (await scene.ExistsAsync("t1")).ShouldBeFalse();

        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2", "3");
        (await scene.HistoryAsync()).ShouldBe(["1", "2", "3"]);
    }

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task A_second_run_changes_nothing(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), Table(2));
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");
        var firstApplied = await scene.ScalarAsync<DateTime>("SELECT max(applied_at) FROM strata_schema_migrations");

        var again = await strata.UpAsync(scene);

        again.ShouldHaveRun();
        (await scene.HistoryAsync()).ShouldBe(["1", "2"]);
        (await scene.ScalarAsync<DateTime>("SELECT max(applied_at) FROM strata_schema_migrations")).ShouldBe(firstApplied);
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("2", "1");
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");
        (await strata.UpAsync(scene)).ShouldHaveRun();
    }

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Rolls_back_to_a_version_and_applies_the_rest_again(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), Table(2), Table(3));
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2", "3");

        (await strata.DownAsync(scene, "1")).ShouldHaveRun("3", "2");

        (await scene.HistoryAsync()).ShouldBe(["1"]);
        (await scene.ExistsAsync("t1")).ShouldBeTrue();
        (await scene.ExistsAsync("t2")).ShouldBeFalse();
        (await strata.StatusAsync(scene)).ShouldReport("1", 2);
        (await strata.UpAsync(scene)).ShouldHaveRun("2", "3");
        (await scene.HistoryAsync()).ShouldBe(["1", "2", "3"]);
    }
}
