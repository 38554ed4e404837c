using Strata.Core;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.History;
using Strata.Core.Lifecycle;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Scenarios.Support;

namespace Strata.Scenarios.Doors;

/// <summary>
/// The library API as an application embedding the engine uses it: resolve the connection from the project's
/// <c>strata.json</c>, build a data source, and call one <see cref="Migrator"/> method. The only adapter that names
/// the engine's entry point, so the only one to change when it changes.
/// </summary>
public sealed class LibraryDoor : IFrontDoor
{
    public string Name => "library";

    public Task<Outcome> UpAsync(Scene scene, bool allowOutOfOrder = false, string environment = Scene.Environment, TimeSpan? lockWait = null) =>
        RunAsync(scene, environment, UpOptions(allowOutOfOrder, lockWait), async migrator => Ran(await migrator.UpAsync()));

    public Task<Outcome> DownAsync(Scene scene, string version) =>
        RunAsync(scene, Scene.Environment, new MigratorOptions(), async migrator => Ran(await migrator.DownAsync(MigrationTarget.To(MigrationVersion.Parse(version)))));

    public Task<Outcome> StatusAsync(Scene scene) =>
        RunAsync(scene, Scene.Environment, new MigratorOptions(), async migrator =>
        {
            var status = await migrator.StatusAsync();
            return Outcome.Status(status.CurrentVersion?.Value, status.PendingCount);
        });

    public Task<Outcome> StampAsync(Scene scene, string version) =>
        RunAsync(scene, Scene.Environment, new MigratorOptions(), async migrator =>
            Outcome.Success((await migrator.StampAsync(MigrationVersion.Parse(version))).Recorded.Select(v => v.Value)));

    public Task<Outcome> RepairAsync(Scene scene, bool retry) =>
        RunAsync(scene, Scene.Environment, new MigratorOptions(), async migrator =>
        {
            var result = await migrator.RepairAsync(retry ? RepairAction.Retry : RepairAction.Complete);
            return Outcome.Success(result.Resolved is { } resolved ? [resolved.Value] : []);
        });

    public async Task<Outcome> ResetAsync(Scene scene, string environment)
    {
        try
        {
            var connection = await ResolveAsync(scene, environment);
            var result = await new DatabaseLifecycle(connection).ResetAsync(new ResetOptions { Force = true });
            return Outcome.Success(result.Setup.Migrations.Migrations.Select(m => m.Version.Value));
        }
        catch (StrataException error)
        {
            return Outcome.Failure(error.Code, error.Message);
        }
    }

    private static async Task<Outcome> RunAsync(Scene scene, string environment, MigratorOptions options, Func<Migrator, Task<Outcome>> call)
    {
        try
        {
            var connection = await ResolveAsync(scene, environment);
            await using var dataSource = await new DatabaseConnector(null).CreateDataSourceAsync(connection, new DataSourceOptions(), CancellationToken.None);
            if (connection.HistoryTable is { } table)
            {
                options = options with { HistoryTable = HistoryTableName.Parse(table) };
            }

            return await call(new Migrator(dataSource, new DirectoryMigrationSource(connection.MigrationsDirectory), options));
        }
        catch (StrataException error)
        {
            return Outcome.Failure(error.Code, error.Message);
        }
    }

    private static MigratorOptions UpOptions(bool allowOutOfOrder, TimeSpan? lockWait)
    {
        var options = new MigratorOptions { AllowOutOfOrder = allowOutOfOrder };
        return lockWait is { } wait ? options with { AdvisoryLockWait = wait } : options;
    }

    private static Task<ResolvedConnection> ResolveAsync(Scene scene, string environment) =>
        new ConnectionResolver().ResolveAsync(
            new ConnectionRequest
            {
                EnvironmentName = environment,
                Environment = new Dictionary<string, string>(StringComparer.Ordinal),
                WorkingDirectory = scene.ProjectDirectory,
            },
            CancellationToken.None);

    private static Outcome Ran(MigrationRunResult result) => Outcome.Success(result.Migrations.Select(m => m.Version.Value));
}
