using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Logging;
using Strata.Core.Migrations;

namespace Strata.Core.Lifecycle;

/// <summary>
/// <c>db setup</c>: create the database if missing, apply pending migrations, and seed it when it is new, so that
/// running it again on a database in use only migrates. <c>db reset</c>: drop, then set up.
/// </summary>
internal static class SetupRunner
{
    public static async Task<SetupResult> SetupAsync(LifecycleContext context, SetupOptions options, CancellationToken cancellationToken)
    {
        // Known before anything changes: a setup that cannot migrate must not create the database first.
        var migrationsDirectories = context.MigrationsDirectories;
        var created = await DatabaseCreator.RunAsync(context, new CreateOptions(), cancellationToken);
        await using var dataSource = await context.OpenTargetAsync(cancellationToken);
        bool fresh;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            fresh = created.Created || (await HistorySummary.ReadAsync(connection, context.HistoryTable, cancellationToken)).Applied == 0;
        }

        var migrator = new Migrator(dataSource, new DirectoryMigrationSource(migrationsDirectories), context.Migrator, context.Logger);
        var migrations = await migrator.UpAsync(cancellationToken: cancellationToken);
        var skipped = WhySkipSeeds(context, options, fresh);
        if (skipped is not null)
        {
            LogMessages.SeedsSkipped(context.Logger, skipped);
            return new SetupResult(context.Database, created.Server, created.Created, migrations, null, skipped)
            {
                SeedsNextStep = fresh || options.SkipSeed ? null : new NextStep(NextStepKind.Seed),
            };
        }

        var seeds = await SeedRunner.RunAsync(context, new SeedOptions { SeedsDirectory = options.SeedsDirectory ?? context.SeedsDirectory }, cancellationToken);
        return new SetupResult(context.Database, created.Server, created.Created, migrations, seeds, null);
    }

    public static async Task<ResetResult> ResetAsync(LifecycleContext context, ResetOptions options, CancellationToken cancellationToken)
    {
        LifecycleGuards.EnsureMayDestroy(context.Connection, "reset");
        var drop = await DatabaseDropper.RunAsync(context, new DropOptions { Force = options.Force, Confirm = options.Confirm }, cancellationToken);
        var setup = await SetupAsync(context, options.Setup, cancellationToken);
        return new ResetResult(drop, setup);
    }

    private static string? WhySkipSeeds(LifecycleContext context, SetupOptions options, bool fresh)
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

        var seedsDirectory = options.SeedsDirectory ?? context.SeedsDirectory;
        return SeedFiles.Exist(seedsDirectory) ? null : $"there is no seeds directory {seedsDirectory}";
    }
}
