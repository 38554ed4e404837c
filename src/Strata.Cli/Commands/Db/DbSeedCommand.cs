using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db seed`: runs the seed files, each in its own transaction.</summary>
internal static class DbSeedCommand
{
    public static Command Create() => CommandAction.SetLifecycle(
        new Command(
            "seed",
            "Run the seed files (db/seeds/*.sql, in name order), each in its own transaction. Refused on environments that do not set allowSeed.")
        {
            DbCommand.SeedsDirOption(),
        },
        async (run, parse, lifecycle, cancellationToken) =>
        {
            var result = await lifecycle.SeedAsync(new SeedOptions { SeedsDirectory = run.Settings.SeedsDirectory.Value }, cancellationToken);
            Report(run, result);
            return ExitCodes.Success;
        });

    public static JsonArray Files(CommandRun run, SeedResult result) =>
        [.. result.Files.Select(f => (JsonNode)new JsonObject
        {
            ["file"] = DbCommand.Display(run, f.File),
            ["statements"] = f.Statements,
            ["durationMs"] = (long)f.Duration.TotalMilliseconds,
        })];

    private static void Report(CommandRun run, SeedResult result)
    {
        var directory = DbCommand.Display(run, result.Directory);
        var message = result.Files.Count == 0
            ? $"no seed files (*.sql) in {directory}; nothing was seeded"
            : $"seeded database '{result.Database}' with {result.Files.Count} file(s) from {directory}";
        var fields = new JsonObject { ["database"] = result.Database, ["directory"] = directory, ["files"] = Files(run, result) };
        run.Reporter.Result("db.seeded", message, fields, writer =>
        {
            foreach (var file in result.Files)
            {
                writer.WriteLine($"  {run.Reporter.Style.Green("seeded")} {DbCommand.Display(run, file.File)} ({file.Statements} statements)");
            }

            writer.WriteLine(message);
        });
    }
}
