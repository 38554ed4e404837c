using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.History;
using Strata.Core.Locking;
using Strata.Core.Logging;
using Strata.Core.Migrations;

namespace Strata.Core.Adoption;

/// <summary>
/// Imports another tool's history into Strata's empty history: the migrations it applied are recorded as applied,
/// with the checksum of the file on disk, in one transaction under the migration lock. The other table is only read.
/// </summary>
internal sealed class Adopter(NpgsqlDataSource dataSource, HistoryStore history, MigratorOptions options, ILogger logger)
{
    private const int ListedVersions = 5;
    private const string DetectedBy = "adopt:detect";

    public async Task<AdoptResult> PreviewAsync(IReadOnlyList<Migration> migrations, MigrationVersion? to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var plan = await PlanAsync(connection, migrations, to, cancellationToken);
        return plan.Result(dryRun: true);
    }

    public async Task<AdoptResult> AdoptAsync(IReadOnlyList<Migration> migrations, MigrationVersion? to, CancellationToken cancellationToken)
    {
        await using var migrationLock = await MigrationLock.AcquireAsync(dataSource, history.Table, LockWait.From(options), logger, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Planned before the transaction: reading a history table that does not exist yet would abort it. The lock keeps
        // other Strata runs out in between.
        var plan = await PlanAsync(connection, migrations, to, cancellationToken);
        await WriteAsync(connection, plan, cancellationToken);
        return plan.Result(dryRun: false);
    }

    /// <summary>
    /// Records every migration up to <paramref name="version"/> (none when null) on a database without any history, for a
    /// version found by comparing schemas: the same writing as an import, with <c>applied_by</c> <c>adopt:detect</c>.
    /// </summary>
    public async Task<AdoptResult> AdoptDetectedAsync(IReadOnlyList<Migration> migrations, MigrationVersion? version, CancellationToken cancellationToken)
    {
        await using var migrationLock = await MigrationLock.AcquireAsync(dataSource, history.Table, LockWait.From(options), logger, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (records, _) = await CheckNoHistoryAsync(connection, cancellationToken);
        var rows = migrations.Where(m => version is { } upTo && m.Version <= upTo).OrderBy(m => m.Version).Select(m => new Row(m, null)).ToList();
        var recorded = rows.Select(r => r.Migration.Version).ToHashSet();
        var pending = migrations.Select(m => m.Version).Where(v => !recorded.Contains(v)).Order().ToList();
        var plan = new Plan(records is not null, [], DetectedBy, rows, pending, []);
        await WriteAsync(connection, plan, cancellationToken);
        return plan.Result(dryRun: false);
    }

    /// <summary>
    /// Refuses a database that has a history: rows in Strata's history table, or another tool's history table in use (its
    /// versions say where the database is, so they are imported instead). Returns Strata's (empty) history, null when
    /// its table does not exist, and the other tools' tables that record nothing, as schema.name: they are not part of
    /// the application's schema.
    /// </summary>
    public async Task<(IReadOnlyList<HistoryRecord>? Records, IReadOnlyList<string> UnusedTables)> CheckNoHistoryAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var records = await history.TryLoadAsync(connection, cancellationToken);
        RefuseFilledHistory(records);
        var found = await ForeignHistoryDetector.DetectWithRowsAsync(connection, GuardScope.From(options), cancellationToken);
        var inUse = found.InUse;
        if (inUse.Count > 0)
        {
            throw new ValidationFailedException(
                $"Refusing to detect the version from the schema: {inUse[0].QualifiedName} is {inUse[0].ToolName}'s history table and says which " +
                "migrations are applied; import that history instead.")
            {
                NextSteps = [new NextStep(inUse[0].MapsVersions && inUse.Count == 1 ? NextStepKind.Adopt : NextStepKind.AdoptUpTo)],
            };
        }

        return (records, [.. found.Unused.Select(t => t.QualifiedName)]);
    }

    private async Task WriteAsync(NpgsqlConnection connection, Plan plan, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await history.PrepareAsync(connection, plan.HistoryExists, cancellationToken);

        try
        {
            await history.ExecuteAsync(connection, plan.Rows.Select(r => history.Sql.InsertAdopted(r.Migration, plan.AppliedBy, r.AppliedAt)), cancellationToken);
        }
        catch (PostgresException ex) when (HistoryRefusal.IsRefusal(ex))
        {
            throw HistoryRefusal.Write(history.Table, ex, "nothing was recorded");
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var row in plan.Rows)
        {
            logger.MigrationRecorded(Migrations.MigrationNames.Id(row.Migration), plan.AppliedBy);
        }
    }

    private async Task<Plan> PlanAsync(NpgsqlConnection connection, IReadOnlyList<Migration> migrations, MigrationVersion? to, CancellationToken cancellationToken)
    {
        var records = await history.TryLoadAsync(connection, cancellationToken);
        RefuseFilledHistory(records);
        var found = await ForeignHistoryDetector.DetectWithRowsAsync(connection, GuardScope.From(options), cancellationToken);
        var sources = found.InUse.Count > 0 ? found.InUse : found.Detected;
        if (sources.Count == 0)
        {
            throw new ValidationFailedException(
                "There is no other migration tool's history table to adopt (dbmate, golang-migrate, Flyway, Alembic, EF Core, Rails, sqitch, " +
                "Liquibase, node-pg-migrate, Knex, Prisma): to start from an existing schema, baseline it instead.")
            {
                NextSteps = [new NextStep(NextStepKind.Baseline)],
            };
        }

        var appliedBy = "adopt:" + string.Join('+', sources.Select(s => s.ToolId).Distinct());
        if (to is { } upTo)
        {
            if (!migrations.Any(m => m.Version == upTo))
            {
                throw new ConfigurationException($"There is no migration with version {upTo} to adopt up to: give the newest migration file the database already contains.");
            }

            // A named version answers ids that cannot be mapped, but neither a failed migration nor one the other tool applied
            // after it: up would run that one again. The times a tool kept (Flyway's) are still imported.
            var kept = new Dictionary<MigrationVersion, ForeignVersion>();
            foreach (var source in sources.Where(s => s.MapsVersions))
            {
                var read = await ForeignHistoryReader.ReadAsync(connection, source, cancellationToken);
                RefuseUnsafe(read);
                RefuseAppliedAfter(source, read, migrations, upTo, sources.Count);
                foreach (var applied in read.Applied.Where(a => a.Version <= upTo && a.AppliedAt is not null))
                {
                    kept.TryAdd(applied.Version, applied);
                }
            }

            return Build(records is not null, sources, appliedBy, migrations, new ForeignHistory([.. kept.Values], upTo, []));
        }

        if (sources.Count > 1)
        {
            throw new ValidationFailedException(
                $"Found the history tables of several tools ({string.Join(", ", sources.Select(s => $"{s.ToolName} {s.QualifiedName}"))}), " +
                "so which migrations are applied is ambiguous: name the newest migration file the database contains.")
            {
                NextSteps = [new NextStep(NextStepKind.AdoptUpTo)],
            };
        }

        var foreign = await ForeignHistoryReader.ReadAsync(connection, sources[0], cancellationToken);
        RefuseUnsafe(foreign);
        if (foreign.Unmapped is { } unmapped)
        {
            throw new ValidationFailedException(unmapped) { NextSteps = [new NextStep(NextStepKind.AdoptUpTo)] };
        }

        CheckFilesExist(sources[0], migrations, foreign);
        return Build(records is not null, sources, appliedBy, migrations, foreign);
    }

    private static void RefuseUnsafe(ForeignHistory foreign)
    {
        if (foreign.Unsafe is { } reason)
        {
            throw new ValidationFailedException(reason);
        }
    }

    // Files after the named version stay pending for up, so none of them may be one the other tool already applied.
    private static void RefuseAppliedAfter(ForeignHistoryTable source, ForeignHistory foreign, IReadOnlyList<Migration> migrations, MigrationVersion upTo, int sourceCount)
    {
        var after = migrations.Select(m => m.Version).Where(v => v > upTo && foreign.Covers(v)).Order().ToList();
        if (after.Count > 0)
        {
            var readable = foreign.Unmapped is null && sourceCount == 1;
            throw new ValidationFailedException(
                $"Refusing to adopt up to {upTo}: {source.ToolName} recorded {(after.Count == 1 ? "migration" : "migrations")} {Listed(after)} as applied " +
                $"in {source.QualifiedName}, which would be left for up to run again; name the newest migration file the database contains (at " +
                $"least {after[^1]}){(readable ? $", or import {source.ToolName}'s versions as they are" : string.Empty)}.")
            {
                NextSteps = [new NextStep(readable ? NextStepKind.Adopt : NextStepKind.AdoptUpTo)],
            };
        }
    }

    private static string Listed(IReadOnlyList<MigrationVersion> versions) =>
        string.Join(", ", versions.Take(ListedVersions)) + (versions.Count > ListedVersions ? $" and {versions.Count - ListedVersions} more" : string.Empty);

    private void RefuseFilledHistory(IReadOnlyList<HistoryRecord>? records)
    {
        if (records is { Count: > 0 })
        {
            throw new ValidationFailedException(
                $"Refusing to adopt: Strata's history table {history.Table} already has {records.Count} row(s), and adopt only fills an empty history; " +
                "record single migrations with stamp instead, or check the state first.")
            {
                NextSteps = [new NextStep(NextStepKind.Stamp), new NextStep(NextStepKind.ShowStatus)],
            };
        }
    }

    private static void CheckFilesExist(ForeignHistoryTable source, IReadOnlyList<Migration> migrations, ForeignHistory foreign)
    {
        var versions = migrations.Select(m => m.Version).ToHashSet();
        var missing = foreign.Applied.Select(a => a.Version)
            .Concat(foreign.UpTo is { } v && !foreign.UpToIsBaseline ? [v] : [])
            .Where(v => !versions.Contains(v)).Distinct().Order().ToList();
        if (missing.Count > 0)
        {
            throw new ValidationFailedException(
                $"{source.ToolName} recorded version(s) {Listed(missing)} in {source.QualifiedName} but no migration file has them: use the migrations " +
                "directory the database was migrated from, or name the newest migration file it contains.")
            {
                NextSteps = [new NextStep(NextStepKind.AdoptUpTo)],
            };
        }
    }

    private static Plan Build(bool historyExists, IReadOnlyList<ForeignHistoryTable> sources, string appliedBy, IReadOnlyList<Migration> migrations, ForeignHistory foreign)
    {
        var times = foreign.Applied.ToDictionary(a => a.Version, a => a.AppliedAt);
        var rows = migrations
            .Where(m => times.ContainsKey(m.Version) || (foreign.UpTo is { } upTo && m.Version <= upTo))
            .OrderBy(m => m.Version)
            .Select(m => new Row(m, times.GetValueOrDefault(m.Version)))
            .ToList();
        var recorded = rows.Select(r => r.Migration.Version).ToHashSet();
        var pending = migrations.Select(m => m.Version).Where(v => !recorded.Contains(v)).Order().ToList();
        return new Plan(historyExists, sources, appliedBy, rows, pending, foreign.Skipped);
    }

    private sealed record Row(Migration Migration, DateTimeOffset? AppliedAt);

    private sealed record Plan(
        bool HistoryExists, IReadOnlyList<ForeignHistoryTable> Sources, string AppliedBy, IReadOnlyList<Row> Rows, IReadOnlyList<MigrationVersion> Pending, IReadOnlyList<string> Skipped)
    {
        public AdoptResult Result(bool dryRun) => new(Sources, AppliedBy, [.. Rows.Select(r => r.Migration.Version)], Pending, Skipped, dryRun);
    }
}
