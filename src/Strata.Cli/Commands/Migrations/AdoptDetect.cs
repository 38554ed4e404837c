using Strata.Core.Schema;

namespace Strata.Cli.Commands.Migrations;

/// <summary>`strata adopt --detect [--apply]`: which version a database without history is at, told by its schema.</summary>
internal static class AdoptDetect
{
    public static readonly Option<bool> Detect = new("--detect")
    {
        Description = $"For a database without any history: build the schema after each migration on a scratch database and report the version whose schema equals the database's, or the nearest with its differences (exit {ExitCodes.ValidationFailed} then). Only reads the database.",
    };

    public static readonly Option<bool> Apply = new("--apply")
    {
        Description = "With --detect: record the matching version's migrations as applied, without running them; refused when no single version matches.",
    };

    public static async Task<int> RunAsync(CommandRun run, bool apply, CancellationToken cancellationToken)
    {
        await using var session = await run.OpenSessionAsync(cancellationToken);
        var target = await session.DataSourceAsync(cancellationToken);
        var server = await ScratchFlag.OpenAsync(run, cancellationToken);
        var options = new VersionDetectOptions
        {
            MigrationsDirectories = run.Settings.MigrationsDirectories,
            Migrator = session.EngineOptions,
            Apply = apply,
        };
        var result = await new VersionDetector(server, run.LoggerFactory.CreateLogger("Strata.Adopt")).DetectAsync(target, options, cancellationToken);
        Report(run, result);
        return result.IsExact ? ExitCodes.Success : ExitCodes.ValidationFailed;
    }

    private static void Report(CommandRun run, VersionDetection result)
    {
        var nearest = Name(result.Nearest);
        var count = result.Comparison.Differences.Count;
        var message = result switch
        {
            { Matches.Count: > 1 } => $"the schema equals that of versions {string.Join(", ", result.Matches.Select(Name))}: the migrations between them change no schema",
            { IsExact: true } => $"the schema equals that of version {nearest}",
            _ => $"no version's schema equals the database's; the nearest is version {nearest}, {(count == 1 ? "1 object differs" : $"{count} objects differ")}",
        };
        var fields = new JsonObject
        {
            ["exact"] = result.IsExact,
            ["matches"] = new JsonArray([.. result.Matches.Select(v => (JsonNode?)v?.ToString())]),
            ["nearest"] = result.Nearest?.ToString(),
            ["differences"] = DifferenceRendering.Json(result.Comparison),
            ["recorded"] = result.Adopted is { } adopted ? MigrationJson.Versions(adopted.Recorded) : null,
            ["appliedBy"] = result.Adopted?.AppliedBy,
        };
        run.Reporter.Result(result.Adopted is null ? "adopt.detected" : "adopt.completed", message, fields, writer =>
        {
            foreach (var difference in result.Comparison.Differences)
            {
                writer.WriteLine(difference.ToString());
            }

            writer.WriteLine(message);
            if (result.Adopted is { } recorded)
            {
                writer.WriteLine($"recorded {recorded.Recorded.Count} migration(s) as applied without running them" +
                    (recorded.Recorded.Count > 0 ? ": " + string.Join(", ", recorded.Recorded) : string.Empty));
                if (recorded.Pending.Count > 0)
                {
                    writer.WriteLine($"not in the schema (left for up): {string.Join(", ", recorded.Pending)}");
                }
            }
        });
    }

    // "Before any migration" has no version number.
    private static string Name(Core.Migrations.MigrationVersion? version) => version?.ToString() ?? "none (before any migration)";
}
