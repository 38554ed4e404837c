using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Errors;
using Strata.Core.History;

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
    /// <exception cref="ValidationFailedException">An applied migration has no file, so the expected schema cannot be built.</exception>
    /// <exception cref="MigrationFailedException">An applied migration fails on the scratch database.</exception>
    public async Task<DriftResult> DetectAsync(NpgsqlDataSource target, DriftOptions options, CancellationToken cancellationToken)
    {
        var (source, live) = OpenTarget(target, options);
        var history = await live.HistoryAsync(cancellationToken);
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

    private static SchemaSnapshot Relevant(SchemaSnapshot snapshot, DriftOptions options) =>
        snapshot.Without(o => options.Ignore.Any(p => p.Matches(o)));
}
