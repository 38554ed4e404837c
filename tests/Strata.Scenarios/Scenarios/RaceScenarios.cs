using Strata.Scenarios.Doors;
using Strata.Scenarios.Support;
using static Strata.Scenarios.Support.Migrations;

namespace Strata.Scenarios.Scenarios;

/// <summary>Several runners through the same front door at once, as replicas or pipeline jobs start together.</summary>
public sealed class RaceScenarios
{
    private const int Runners = 4;

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Racing_runners_apply_each_migration_exactly_once(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), Counted(2), Table(3));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Runners).Select(_ => strata.UpAsync(scene)));

        outcomes.ShouldAllBe(o => o.Succeeded, string.Join("; ", outcomes.Select(o => o.ToString())));
        outcomes.SelectMany(o => o.Versions).Order(StringComparer.Ordinal).ShouldBe(["1", "2", "3"]);
        (await scene.ScalarAsync<long>("SELECT count(*) FROM runs")).ShouldBe(1);
        (await scene.HistoryAsync()).ShouldBe(["1", "2", "3"]);
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("3", "2", "1");
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2", "3");
        (await scene.ScalarAsync<long>("SELECT count(*) FROM runs")).ShouldBe(1);
    }
}
