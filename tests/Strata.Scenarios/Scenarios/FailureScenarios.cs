using Strata.Scenarios.Doors;
using Strata.Scenarios.Support;
using static Strata.Scenarios.Support.Migrations;

namespace Strata.Scenarios.Scenarios;

/// <summary>Failing migrations through every front door: what is left behind, and how to recover.</summary>
public sealed class FailureScenarios
{
    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Rolls_back_a_failing_migration_and_records_nothing_for_it(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), Failing(2));

        (await strata.UpAsync(scene)).ShouldBeRefused(1, "migration-failed", "no_such_type");

        (await scene.HistoryAsync()).ShouldBe(["1"]);
        (await scene.ExistsAsync("t1")).ShouldBeTrue();
        (await scene.ExistsAsync("t2")).ShouldBeFalse();
        (await strata.StatusAsync(scene)).ShouldReport("1", 1);
        scene.Write(Table(2).Name, Table(2).Sql);
        (await strata.UpAsync(scene)).ShouldHaveRun("2");
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("2", "1");
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");
    }

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Refuses_to_go_on_after_an_interrupted_migration_until_it_is_repaired(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), InterruptedNonTransactional(2));

        (await strata.UpAsync(scene)).ShouldBeRefused(1, "migration-failed", "2_create_t2");

        (await scene.HistoryAsync()).ShouldBe(["1", "2:running"]);
        (await scene.ExistsAsync("t2")).ShouldBeTrue();
        scene.Write(RepeatableNonTransactional(2).Name, RepeatableNonTransactional(2).Sql);
        (await strata.UpAsync(scene)).ShouldBeRefused(5, "validation-failed", "2_create_t2");
        var repaired = await strata.RepairAsync(scene, retry: true);
        if (door == FrontDoors.WebHost)
        {
            // The web host cannot repair: it keeps refusing to start (above) and changes nothing, so the operator
            // repairs through the library.
            repaired.ErrorKind.ShouldBe(Outcome.NotOffered);
            (await scene.HistoryAsync()).ShouldBe(["1", "2:running"]);
            repaired = await FrontDoors.TheLibrary.RepairAsync(scene, retry: true);
        }

        repaired.ShouldHaveRun("2");
        (await scene.HistoryAsync()).ShouldBe(["1"]);
        (await strata.UpAsync(scene)).ShouldHaveRun("2");
        (await scene.ExistsAsync("t2_id")).ShouldBeTrue();
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("2", "1");
        (await scene.ExistsAsync("t2")).ShouldBeFalse();
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");
    }

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Completes_an_interrupted_rollback_that_was_finished_by_hand(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), FailingNonTransactionalDown(2));
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");

        (await strata.DownAsync(scene, "1")).ShouldBeRefused(1, "migration-failed", "2_create_t2");

        (await scene.HistoryAsync()).ShouldBe(["1", "2:reverting"]);
        (await strata.StatusAsync(scene)).ShouldReport("1", 0);
        (await strata.UpAsync(scene)).ShouldBeRefused(5, "validation-failed", "2_create_t2");
        await scene.ExecuteAsync("DROP TABLE t2");
        scene.Write(NonTransactionalDown(2).Name, NonTransactionalDown(2).Sql);
        var repaired = await strata.RepairAsync(scene, retry: false);
        if (door == FrontDoors.WebHost)
        {
            // The web host cannot repair: the operator completes the rollback through the library.
            repaired.ErrorKind.ShouldBe(Outcome.NotOffered);
            (await scene.HistoryAsync()).ShouldBe(["1", "2:reverting"]);
            repaired = await FrontDoors.TheLibrary.RepairAsync(scene, retry: false);
        }

        repaired.ShouldHaveRun("2");
        (await scene.HistoryAsync()).ShouldBe(["1"]);
        (await strata.UpAsync(scene)).ShouldHaveRun("2");
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("2", "1");
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");
    }
}
