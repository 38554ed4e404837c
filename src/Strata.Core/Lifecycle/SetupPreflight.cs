using Strata.Core.Execution;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>
/// What setup and reset check before they change anything, so that a mistake in the project never leaves a database
/// created empty, or dropped: the migrations directories exist and every file in them reads and parses, and the seed
/// files it may run read, split and keep to their one transaction; before a reset also that the migrations plan onto
/// an empty database.
/// </summary>
internal static class SetupPreflight
{
    // What may run in a transaction only grew with the server's version: checked as for the newest server, a refusal
    // here holds on every server; one of an older server's alone is still found, once connected, before anything runs.
    private const int AnyServer = int.MaxValue;

    /// <summary>
    /// Loads and parses every migration file; with <paramref name="planFromEmpty"/> also plans them onto an empty
    /// database. The source returned holds what was checked, so the run applies those files without reading them again.
    /// </summary>
    public static async Task<IMigrationSource> CheckMigrationsAsync(LifecycleContext context, bool planFromEmpty, CancellationToken cancellationToken)
    {
        var directory = new DirectoryMigrationSource(context.MigrationsDirectories);
        var migrations = await directory.LoadAsync(context.Logger, splitStatements: true, cancellationToken);
        if (planFromEmpty)
        {
            var plan = UpPlanner.Plan(new MigrationLedger(migrations, []), MigrationTarget.All, context.Migrator);
            TransactionPreflight.Check(plan.Migrations, MigrationDirection.Up, AnyServer);
        }

        return new LoadedMigrationSource(directory.Description, migrations);
    }

    /// <summary>The seed files setup will run into a new database, read and checked; null when it will not seed.</summary>
    public static async Task<IReadOnlyList<(string File, SqlScript Script)>?> ReadSeedsAsync(
        LifecycleContext context, SetupOptions options, CancellationToken cancellationToken) =>
        SetupRunner.WhySkipSeeds(context, options, fresh: true) is null
            ? await SeedFiles.ReadAsync(SetupRunner.SeedsDirectoryOf(context, options), cancellationToken)
            : null;
}
