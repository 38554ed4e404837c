using Strata.Core;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.Lifecycle;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Sessions;
using Strata.Scenarios.Support;

namespace Strata.Scenarios.Doors;

/// <summary>
/// The library API as an application embedding the engine uses it: build <see cref="StrataSettings"/> for the
/// project's <c>strata.json</c>, open a <see cref="StrataSession"/>, and call one method. The only adapter that names
/// the engine's entry point, so the only one to change when it changes.
/// </summary>
public sealed class LibraryDoor : IFrontDoor
{
    public string Name => "library";

    public Task<Outcome> UpAsync(Scene scene, bool allowOutOfOrder = false, string environment = Scene.Environment, TimeSpan? lockWait = null) =>
        RunAsync(scene, environment, UpSettings(allowOutOfOrder, lockWait), async migrator => Ran(await migrator.UpAsync()));

    public Task<Outcome> DownAsync(Scene scene, string version) =>
        RunAsync(scene, Scene.Environment, null, async migrator => Ran(await migrator.DownAsync(MigrationTarget.To(MigrationVersion.Parse(version)))));

    public Task<Outcome> StatusAsync(Scene scene) =>
        RunAsync(scene, Scene.Environment, null, async migrator =>
        {
            var status = await migrator.StatusAsync();
            return Outcome.Status(status.CurrentVersion?.Value, status.PendingCount);
        });

    public Task<Outcome> StampAsync(Scene scene, string version) =>
        RunAsync(scene, Scene.Environment, null, async migrator =>
            Outcome.Success((await migrator.StampAsync(MigrationVersion.Parse(version))).Recorded.Select(v => v.Value)));

    public Task<Outcome> RepairAsync(Scene scene, bool retry) =>
        RunAsync(scene, Scene.Environment, null, async migrator =>
        {
            var result = await migrator.RepairAsync(retry ? RepairAction.Retry : RepairAction.Complete);
            return Outcome.Success(result.Resolved is { } resolved ? [resolved.Value] : []);
        });

    public async Task<Outcome> ResetAsync(Scene scene, string environment)
    {
        try
        {
            await using var session = await OpenAsync(scene, environment, null);
            var result = await session.Lifecycle.ResetAsync(new ResetOptions { Force = true });
            return Outcome.Success(result.Setup.Migrations.Migrations.Select(m => m.Version.Value));
        }
        catch (StrataException error)
        {
            return Outcome.Failure(error.Code, error.Message);
        }
    }

    private static async Task<Outcome> RunAsync(Scene scene, string environment, Action<StrataSettingsBuilder>? configure, Func<Migrator, Task<Outcome>> call)
    {
        try
        {
            await using var session = await OpenAsync(scene, environment, configure);
            return await call(await session.MigratorAsync());
        }
        catch (StrataException error)
        {
            return Outcome.Failure(error.Code, error.Message);
        }
    }

    private static Action<StrataSettingsBuilder> UpSettings(bool allowOutOfOrder, TimeSpan? lockWait) => builder =>
    {
        builder.Set(SettingCatalog.AllowOutOfOrder, allowOutOfOrder, "scenario");
        if (lockWait is { } wait)
        {
            builder.Set(SettingCatalog.LockWait, wait, "scenario");
        }
    };

    // What an embedding application does: its own values over the project's strata.json, no process environment.
    private static async Task<StrataSession> OpenAsync(Scene scene, string environment, Action<StrataSettingsBuilder>? configure)
    {
        var builder = new StrataSettingsBuilder(scene.ProjectDirectory, new Dictionary<string, string>(StringComparer.Ordinal))
            .Set(SettingCatalog.Environment, environment, "scenario");
        configure?.Invoke(builder);
        return await StrataSession.OpenAsync(await builder.BuildAsync());
    }

    private static Outcome Ran(MigrationRunResult result) => Outcome.Success(result.Migrations.Select(m => m.Version.Value));
}
