using Strata.Scenarios.Doors;
using Strata.Scenarios.Support;
using static Strata.Scenarios.Support.Migrations;

namespace Strata.Scenarios.Scenarios;

/// <summary>What every front door refuses to do, and that a refusal changes nothing.</summary>
public sealed class RefusalScenarios
{
    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Refuses_to_migrate_when_an_applied_migration_was_edited(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), Table(2));
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2");
        scene.Write(Table(3).Name, Table(3).Sql);
        scene.Write(Table(2).Name, Table(2).Sql.Replace("(id int)", "(id bigint)", StringComparison.Ordinal));

        (await strata.UpAsync(scene)).ShouldBeRefused(5, "validation-failed", "2_create_t2");

        (await scene.HistoryAsync()).ShouldBe(["1", "2"]);
        (await scene.ExistsAsync("t3")).ShouldBeFalse();
        scene.Write(Table(2).Name, Table(2).Sql);
        (await strata.UpAsync(scene)).ShouldHaveRun("3");
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("3", "2", "1");
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2", "3");
    }

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Refuses_an_out_of_order_migration_unless_allowed(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1), Table(3));
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "3");
        scene.Write(Table(2).Name, Table(2).Sql);

        (await strata.UpAsync(scene)).ShouldBeRefused(5, "validation-failed", "2_create_t2");

        (await scene.ExistsAsync("t2")).ShouldBeFalse();
        (await strata.UpAsync(scene, allowOutOfOrder: true)).ShouldHaveRun("2");
        (await scene.HistoryAsync()).ShouldBe(["1", "2", "3"]);
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("3", "2", "1");
        (await strata.UpAsync(scene)).ShouldHaveRun("1", "2", "3");
    }

    [Theory]
    [MemberData(nameof(FrontDoors.All), MemberType = typeof(FrontDoors))]
    public async Task Migrates_a_protected_environment_but_refuses_to_reset_it(string door)
    {
        var strata = FrontDoors.Named(door);
        await using var scene = await Scene.CreateAsync(Table(1));
        (await strata.UpAsync(scene, environment: Scene.ProtectedEnvironment)).ShouldHaveRun("1");

        var reset = await strata.ResetAsync(scene, Scene.ProtectedEnvironment);

        if (door == FrontDoors.WebHost)
        {
            // The web host has no reset at all: there is nothing destructive for the protection to refuse.
            reset.ErrorKind.ShouldBe(Outcome.NotOffered);
        }
        else
        {
            reset.ShouldBeRefused(6, "protected-environment", Scene.ProtectedEnvironment);
        }

        (await scene.HistoryAsync()).ShouldBe(["1"]);
        (await scene.ExistsAsync("t1")).ShouldBeTrue();
        scene.Write(Table(2).Name, Table(2).Sql);
        (await strata.UpAsync(scene, environment: Scene.ProtectedEnvironment)).ShouldHaveRun("2");
        (await strata.DownAsync(scene, "0")).ShouldHaveRun("2", "1");
        (await strata.UpAsync(scene, environment: Scene.ProtectedEnvironment)).ShouldHaveRun("1", "2");
    }
}
