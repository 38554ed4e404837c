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

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Gives_up_without_changing_anything_when_another_runner_keeps_the_lock(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(LockGate.Migration(1), Table(2));
        await using var gate = await LockGate.CloseAsync(scene);
        // The other runner is the library in every case: it holds the migration lock while it waits at the gate.
        var holder = FrontDoors.TheLibrary.UpAsync(scene);
        await gate.WaitUntilSomeoneWaitsAsync();

        (await strata.UpAsync(scene, lockWait: TimeSpan.Zero)).ShouldBeRefused(4, "lock-not-acquired");

        (await scene.HistoryAsync()).ShouldBeEmpty();
        await gate.OpenAsync();
        (await holder.WaitAsync(TimeSpan.FromMinutes(1))).ShouldHaveRun("1", "2");
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("2", "1");
        (await strata.UpAsync(scene, lockWait: TimeSpan.Zero)).ShouldHaveRun("1", "2");
    }
}
