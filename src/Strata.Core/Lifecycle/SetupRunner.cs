using Strata.Core.Errors;
using Strata.Core.Logging;
using Strata.Core.Migrations;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary>
/// <c>db setup</c>: create the database if missing, apply pending migrations, and seed it when it is new, so that
/// running it again on a database in use only migrates. <c>db reset</c>: drop, then set up.
/// </summary>
internal static class SetupRunner
{
    public static async Task<SetupResult> SetupAsync(LifecycleContext context, SetupOptions options, CancellationToken cancellationToken)
    {
        // Known before anything changes: a setup that cannot migrate or seed must not create the database first.
        var migrations = await SetupPreflight.CheckMigrationsAsync(context, planFromEmpty: false, cancellationToken);
        var seeds = await SetupPreflight.ReadSeedsAsync(context, options, cancellationToken);
        return await SetupCheckedAsync(context, options, migrations, seeds, cancellationToken);
    }

    public static async Task<ResetResult> ResetAsync(LifecycleContext context, ResetOptions options, CancellationToken cancellationToken)
    {
        LifecycleGuards.EnsureMayDestroy(context.Connection, "reset");
        // Everything the project can get wrong is found while the data is still there.
        var migrations = await SetupPreflight.CheckMigrationsAsync(context, planFromEmpty: true, cancellationToken);
        var seeds = await SetupPreflight.ReadSeedsAsync(context, options.Setup, cancellationToken);
        var drop = await DatabaseDropper.RunAsync(context, new DropOptions { Force = options.Force, Confirm = options.Confirm, Recreate = true }, cancellationToken);
        try
        {
            return new ResetResult(drop, await SetupCheckedAsync(context, options.Setup, migrations, seeds, cancellationToken));
        }
        catch (DatabaseCommandFailedException ex) when (drop.Dropped)
        {
            // Only creating the database throws this after the drop: the message must not read as if nothing happened.
            throw new DatabaseCommandFailedException($"database '{context.Database}' was dropped, but {ex.Message}", ex.SqlState, ex) { NextSteps = ex.NextSteps };
        }
    }

    /// <summary>The seeds directory setup reads.</summary>
    public static string SeedsDirectoryOf(LifecycleContext context, SetupOptions options) => options.SeedsDirectory ?? context.SeedsDirectory;

    // The migrations are checked; the seeds, unless seeding was already known to be off, were read before anything changed.
    private static async Task<SetupResult> SetupCheckedAsync(
        LifecycleContext context, SetupOptions options, IMigrationSource checkedMigrations, IReadOnlyList<(string File, SqlScript Script)>? seeds,
        CancellationToken cancellationToken)
    {
        var created = await DatabaseCreator.RunAsync(context, new CreateOptions(), cancellationToken);
        await using var dataSource = await context.OpenTargetAsync(cancellationToken);
        var migrator = new Migrator(dataSource, checkedMigrations, context.Migrator, context.Logger);
        // Whether the database is new is read from the history the run plans from, under the migration lock: of
        // setups run at once, only the first to take the lock finds no migration applied, so only it seeds.
        var fresh = true;
        var migrations = await migrator.UpAsync(
            target: null,
            dryRun: false,
            (applied, _, _) =>
            {
                fresh = applied.Count == 0;
                return Task.CompletedTask;
            },
            cancellationToken);
        var skipped = WhySkipSeeds(context, options, fresh);
        if (skipped is not null)
        {
            LogMessages.SeedsSkipped(context.Logger, skipped);
            return new SetupResult(context.Database, created.Server, created.Created, migrations, null, skipped)
            {
                SeedsNextStep = fresh || options.SkipSeed ? null : new NextStep(NextStepKind.Seed),
            };
        }

        var directory = SeedsDirectoryOf(context, options);
        var ran = await SeedRunner.RunAsync(context, directory, seeds ?? await SeedFiles.ReadAsync(directory, cancellationToken), cancellationToken);
        return new SetupResult(context.Database, created.Server, created.Created, migrations, ran, null);
    }

    public static string? WhySkipSeeds(LifecycleContext context, SetupOptions options, bool fresh)
    {
        if (options.SkipSeed)
        {
            return "seeding was turned off";
        }

        if (!fresh)
        {
            return "the database already had migrations applied, so it is not seeded again";
        }

        if (LifecycleGuards.SeedRefusal(context.Connection) is { } refusal)
        {
            return refusal;
        }

        var seedsDirectory = SeedsDirectoryOf(context, options);
        return SeedFiles.Exist(seedsDirectory) ? null : $"there is no seeds directory {seedsDirectory}";
    }
}
