using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Adoption;
using Strata.Core.Errors;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Core.Schema;

/// <summary>
/// Tells which migration version a database without any history is at: the migrations are applied one by one on a
/// scratch database and the schema after each is compared with the live one (Strata's history table left out on both
/// sides, other tools' unused ones on the live side). Only reads the target, unless recording the matching version is asked for.
/// </summary>
/// <param name="server">The server the candidate schemas are built on.</param>
/// <param name="logger">Where progress is reported; nowhere when null.</param>
internal sealed class VersionDetector(ScratchServer server, ILogger? logger = null) : ScratchComparer(server, logger)
{
    /// <summary>Finds the version whose schema equals the live one, or the nearest, and records it when asked.</summary>
    /// <exception cref="ValidationFailedException">
    /// The database has a history (Strata's, or another tool's in use); or recording was asked for and no single version matches.
    /// </exception>
    /// <exception cref="MigrationFailedException">A migration fails on the scratch database.</exception>
    public async Task<VersionDetection> DetectAsync(NpgsqlDataSource target, VersionDetectOptions options, CancellationToken cancellationToken)
    {
        var (source, live) = OpenTarget(target, options);
        // Another tool's table that records nothing (created empty, or holding only repeatable migrations) is no
        // migration's doing, so it is left out like Strata's own.
        var otherTools = await live.CheckNoHistoryAsync(cancellationToken);
        var schema = HistoryObjects.WithoutTables(await HistoryObjects.ReadAsync(target, options.Migrator.HistoryTable, cancellationToken), otherTools);
        var candidates = await CompareEachVersionAsync(source, schema, options, cancellationToken);
        var matches = candidates.Where(c => c.Comparison.AreEqual).Select(c => c.Version).ToList();
        // Candidates are in version order, so the last of the fewest differences is the newest.
        var nearest = candidates.Last(c => c.Comparison.Differences.Count == candidates.Min(m => m.Comparison.Differences.Count));
        var detection = new VersionDetection(candidates.Count, matches, nearest.Version, nearest.Comparison, null);
        return options.Apply ? detection with { Adopted = await RecordAsync(live, detection, cancellationToken) } : detection;
    }

    private async Task<List<Candidate>> CompareEachVersionAsync(
        IMigrationSource source, SchemaSnapshot live, VersionDetectOptions options, CancellationToken cancellationToken)
    {
        var migrations = await source.LoadAsync(cancellationToken);
        await using var scratch = await BuildAsync(source, options, cancellationToken);
        var candidates = new List<Candidate> { new(null, SchemaComparer.Compare(await scratch.SnapshotAsync(cancellationToken), live)) };
        foreach (var migration in migrations)
        {
            await ScratchRun.RunAsync(() => scratch.Migrator.UpAsync(MigrationTarget.Steps(1), false, cancellationToken));
            candidates.Add(new Candidate(migration.Version, SchemaComparer.Compare(await scratch.SnapshotAsync(cancellationToken), live)));
        }

        return candidates;
    }

    private static async Task<AdoptResult> RecordAsync(Migrator live, VersionDetection detection, CancellationToken cancellationToken)
    {
        if (!detection.IsExact)
        {
            throw new ValidationFailedException(
                $"Refusing to record a version: no migration version's schema equals the database's; the nearest, {Describe(detection.Nearest)}, " +
                $"differs in {detection.Comparison.Differences.Count} object(s). Make the schema match a version, or choose the version yourself and baseline it.")
            {
                NextSteps = [new NextStep(NextStepKind.Baseline)],
            };
        }

        if (detection.Matches.Count > 1)
        {
            throw new ValidationFailedException(
                $"Refusing to record a version: versions {string.Join(", ", detection.Matches.Select(Describe))} all produce the database's schema " +
                "(the migrations between them change no schema), so the schema cannot tell which one the database is at; choose it yourself and baseline it.")
            {
                NextSteps = [new NextStep(NextStepKind.Baseline)],
            };
        }

        return await live.AdoptDetectedAsync(detection.Matches[0], cancellationToken);
    }

    private static string Describe(MigrationVersion? version) => version?.ToString() ?? "none (before any migration)";

    private sealed record Candidate(MigrationVersion? Version, SchemaComparison Comparison);
}
