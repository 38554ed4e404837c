using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Core.Schema;

/// <summary>
/// Finds changes made to a database by hand: the schema the database's applied migrations produce on a scratch
/// database (exactly the applied versions, not the pending files) is compared with the live one. The target is only
/// read: its history table and its catalogs.
/// </summary>
/// <param name="server">The server the expected schema is built on.</param>
/// <param name="logger">Where progress is reported; nowhere when null.</param>
internal sealed class DriftDetector(ScratchServer server, ILogger? logger = null) : ScratchComparer(server, logger)
{
    /// <summary>Compares the schema of <paramref name="target"/> with the one its applied migrations produce.</summary>
    /// <exception cref="ValidationFailedException">
    /// An applied migration has no file, so the expected schema cannot be built; or a migration is interrupted (stopped
    /// or still running), so what its completed statements made cannot be told from changes made by hand.
    /// </exception>
    /// <exception cref="MigrationFailedException">An applied migration fails on the scratch database.</exception>
    public async Task<DriftResult> DetectAsync(NpgsqlDataSource target, DriftOptions options, CancellationToken cancellationToken)
    {
        var (source, live) = OpenTarget(target, options);
        var history = await live.HistoryAsync(cancellationToken);
        if (history.Records.Any(r => r.Status != HistoryStatus.Applied))
        {
            await RefuseInterruptedAsync(live, cancellationToken);
        }

        var applied = history.Records.Where(r => r.Status == HistoryStatus.Applied).Select(r => r.Version).ToHashSet();
        var files = (await source.LoadAsync(cancellationToken)).Select(m => m.Version).ToHashSet();
        var missing = applied.Where(v => !files.Contains(v)).Order().ToList();
        if (missing.Count > 0)
        {
            throw new ValidationFailedException(
                $"migration {missing[0]} is recorded as applied but has no file in {string.Join(", ", options.MigrationsDirectories)}, so the schema it produced cannot be rebuilt");
        }

        var schema = await HistoryObjects.ReadAsync(target, options.Migrator.HistoryTable, cancellationToken);
        await using var scratch = await BuildAsync(new AppliedMigrationSource(source, applied), options, cancellationToken);
        if (applied.Count > 0)
        {
            await ScratchRun.RunAsync(() => scratch.Migrator.UpAsync(null, false, cancellationToken));
        }

        var expected = await scratch.SnapshotAsync(cancellationToken);
        return new DriftResult(applied.Count, SchemaComparer.Compare(Relevant(expected, options), Relevant(schema, options)));
    }

    // The history does not say which objects the completed statements of an interrupted migration made, and rebuilding
    // the schema without them would list them as added by hand: the check waits until the migration is resolved.
    private static async Task RefuseInterruptedAsync(Migrator live, CancellationToken cancellationToken)
    {
        var status = await live.StatusAsync(cancellationToken);
        if (status.Migrations.FirstOrDefault(m => m.State == MigrationState.Interrupted) is not { } entry)
        {
            return;
        }

        throw new ValidationFailedException(
            $"drift cannot be checked while migration {MigrationNames.Id(entry.Version, entry.Description)} is interrupted ({entry.Progress}): " +
            "the objects its completed statements made would read as changes made by hand")
        {
            // One still running needs no step: it ends by itself, and drift can be checked then.
            NextSteps = entry.RunningBy is not null ? [] : [new NextStep(entry.ResumesBackfill ? NextStepKind.ResumeBackfill : NextStepKind.Repair, entry.Version.Value)],
        };
    }

    private static SchemaSnapshot Relevant(SchemaSnapshot snapshot, DriftOptions options) =>
        snapshot.Without(o => options.Ignore.Any(p => p.Matches(o)));
}
