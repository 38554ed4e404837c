using Strata.Core.Adoption;
using Strata.Core.Errors;

namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata adopt [--to VERSION] [--dry-run] [--detect [--apply]]`: import another migration tool's history into Strata's.</summary>
internal static class AdoptCommand
{
    public static Command Create()
    {
        var to = new Option<string?>("--to")
        {
            Description = "Record every migration up to VERSION instead of reading the other tool's versions (needed for Alembic, EF Core, Rails, sqitch, Liquibase, node-pg-migrate, Knex, Prisma).",
            HelpName = "version",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be recorded; write nothing." };
        var command = new Command(
            "adopt",
            "Take over a database another tool migrated (dbmate, golang-migrate, Flyway, ...): record the migrations it applied as applied, without running them.")
        {
            to, dryRun, AdoptDetect.Detect, AdoptDetect.Apply, ScratchFlag.Option,
        };
        EngineFlags.AddRecordFlags(command);
        return CommandAction.Set(command, async (run, parse, cancellationToken) =>
        {
            if (parse.GetValue(AdoptDetect.Detect))
            {
                if (parse.GetValue(to) is not null || parse.GetValue(dryRun))
                {
                    throw new ConfigurationException("--detect finds the version from the schema, so it cannot be combined with --to or --dry-run (--detect alone writes nothing)");
                }

                return await AdoptDetect.RunAsync(run, parse.GetValue(AdoptDetect.Apply), cancellationToken);
            }

            if (parse.GetValue(AdoptDetect.Apply))
            {
                throw new ConfigurationException("--apply records the version --detect finds, so it needs --detect");
            }

            var version = parse.GetValue(to) is { } text ? VersionArgument.Parse(text) : (Core.Migrations.MigrationVersion?)null;
            await using var session = await run.OpenSessionAsync(cancellationToken);
            var migrator = await session.MigratorAsync(cancellationToken);
            var result = await migrator.AdoptAsync(version, parse.GetValue(dryRun), cancellationToken);
            Report(run, result);
            return ExitCodes.Success;
        });
    }

    private static void Report(CommandRun run, AdoptResult result)
    {
        var fields = new JsonObject
        {
            ["sources"] = new JsonArray([.. result.Sources.Select(s => (JsonNode)new JsonObject { ["tool"] = s.ToolId, ["table"] = s.QualifiedName })]),
            ["appliedBy"] = result.AppliedBy,
            ["recorded"] = MigrationJson.Versions(result.Recorded),
            ["pending"] = MigrationJson.Versions(result.Pending),
            ["skipped"] = new JsonArray([.. result.Skipped.Select(s => (JsonNode)s)]),
            ["dryRun"] = result.DryRun,
        };
        var from = string.Join(", ", result.Sources.Select(s => $"{s.ToolName} ({s.QualifiedName})"));
        var verb = result.DryRun ? "would record" : "recorded";
        var message = $"{verb} {result.Recorded.Count} migration(s) from {from} as applied without running them";
        run.Reporter.Result(result.DryRun ? "adopt.planned" : "adopt.completed", message, fields, writer =>
        {
            writer.WriteLine(message + (result.Recorded.Count > 0 ? ": " + string.Join(", ", result.Recorded) : string.Empty));
            if (result.Pending.Count > 0)
            {
                writer.WriteLine($"not applied by {string.Join(", ", result.Sources.Select(s => s.ToolName))} (left for up): {string.Join(", ", result.Pending)}");
            }

            foreach (var skipped in result.Skipped)
            {
                writer.WriteLine($"not imported: {skipped}");
            }
        });
    }
}
