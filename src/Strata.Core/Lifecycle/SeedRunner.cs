using System.Diagnostics;
using Strata.Core.Logging;
using Strata.Core.Sql;

namespace Strata.Core.Lifecycle;

/// <summary><c>db seed</c>: runs every seed file, each in its own transaction, stopping at the first that fails.</summary>
internal static class SeedRunner
{
    public static async Task<SeedResult> RunAsync(LifecycleContext context, SeedOptions options, CancellationToken cancellationToken)
    {
        LifecycleGuards.EnsureMaySeed(context.Connection);
        var directory = options.SeedsDirectory ?? context.SeedsDirectory;
        return await RunAsync(context, directory, await SeedFiles.ReadAsync(directory, cancellationToken), cancellationToken);
    }

    /// <summary>Runs <paramref name="seeds"/>, read from <paramref name="directory"/> before anything changed.</summary>
    public static async Task<SeedResult> RunAsync(
        LifecycleContext context, string directory, IReadOnlyList<(string File, SqlScript Script)> seeds, CancellationToken cancellationToken)
    {
        if (seeds.Count == 0)
        {
            LogMessages.NoSeedFiles(context.Logger, directory);
            return new SeedResult(context.Database, directory, []);
        }

        await using var dataSource = await context.OpenTargetAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var done = new List<SeedFileResult>(seeds.Count);
        foreach (var (file, script) in seeds)
        {
            LogMessages.SeedStarting(context.Logger, file, script.Statements.Count);
            var clock = Stopwatch.StartNew();
            await ScriptExecutor.RunAsync(connection, script, file, "seed", Consequence(done), cancellationToken);
            done.Add(new SeedFileResult(file, script.Statements.Count, clock.Elapsed));
            LogMessages.SeedApplied(context.Logger, file, clock.ElapsedMilliseconds);
        }

        return new SeedResult(context.Database, directory, done);
    }

    private static string Consequence(List<SeedFileResult> done) =>
        "its transaction was rolled back, so nothing of it was kept; " + (done.Count == 0
            ? "no seed file ran before it"
            : $"the seed files before it stay committed ({string.Join(", ", done.Select(d => Path.GetFileName(d.File)))})");
}
