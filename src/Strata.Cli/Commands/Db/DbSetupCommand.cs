using Strata.Cli.Commands.Migrations;
using Strata.Cli.Output;
using Strata.Core.Lifecycle;

namespace Strata.Cli.Commands.Db;

/// <summary>`strata db setup`: create + up + seed (seeds only into a new database).</summary>
internal static class DbSetupCommand
{
    public static Command Create()
    {
        var seedsDir = DbCommand.SeedsDirOption();
        var skipSeed = SkipSeedOption();
        var command = new Command(
            "setup",
            "Create the database if missing, apply pending migrations, and run the seeds if the database is new. Safe to run again.")
        {
            seedsDir, skipSeed,
        };
        EngineFlags.AddRunFlags(command, appliesPending: true);
        return CommandAction.SetLifecycle(command, async (run, parse, lifecycle, cancellationToken) =>
        {
            var options = new SetupOptions { SkipSeed = parse.GetValue(skipSeed), SeedsDirectory = run.Settings.SeedsDirectory.Value };
            var result = await lifecycle.SetupAsync(options, cancellationToken);
            Report(run, "db.setup", result, Json(run, result));
            return ExitCodes.Success;
        });
    }

    public static Option<bool> SkipSeedOption() => new("--skip-seed") { Description = "Do not run the seed files." };

    public static JsonObject Json(CommandRun run, SetupResult result) => new()
    {
        ["database"] = result.Database,
        ["server"] = result.Server,
        ["created"] = result.Created,
        ["migrations"] = MigrationJson.Run(result.Migrations),
        ["seeded"] = result.Seeds is not null,
        ["seedFiles"] = result.Seeds is null ? new JsonArray() : DbSeedCommand.Files(run, result.Seeds),
        ["seedsSkipped"] = result.SeedsSkipped,
        ["seedsNextStep"] = result.SeedsNextStep is { } step ? NextStepCommands.Render(step, run.Invoked) : null,
    };

    public static void Report(CommandRun run, string eventName, SetupResult result, JsonObject fields, string? before = null)
    {
        var applied = result.Migrations.Migrations.Count;
        var seeded = result.Seeds is { } seeds ? $", ran {seeds.Files.Count} seed file(s)" : string.Empty;
        var message = $"database '{result.Database}' on {result.Server} is set up: {(result.Created ? "created" : "existed")}, applied {applied} migration(s){seeded}";
        run.Reporter.Result(eventName, message, fields, writer =>
        {
            var style = run.Reporter.Style;
            if (before is not null)
            {
                writer.WriteLine(before);
            }

            writer.WriteLine(result.Created ? $"created database '{result.Database}'" : $"database '{result.Database}' already exists");
            foreach (var step in result.Migrations.Migrations)
            {
                writer.WriteLine($"  {style.Green("applied")} {step.Version.Value} {step.Description}");
            }

            foreach (var file in result.Seeds?.Files ?? [])
            {
                writer.WriteLine($"  {style.Green("seeded")} {DbCommand.Display(run, file.File)}");
            }

            if (result.SeedsSkipped is { } skipped)
            {
                var seedAnyway = result.SeedsNextStep is { } step ? $" (run `{NextStepCommands.Render(step, run.Invoked)}` to seed it anyway)" : string.Empty;
                writer.WriteLine(style.Dim($"not seeded: {skipped}{seedAnyway}"));
            }

            writer.WriteLine(style.Green(message));
        });
    }
}
