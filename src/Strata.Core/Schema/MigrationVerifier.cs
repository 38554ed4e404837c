using Microsoft.Extensions.Logging;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Lifecycle;
using Strata.Core.Migrations;
using Strata.Core.Planning;
using Strata.Core.Sql;

namespace Strata.Core.Schema;

/// <summary>
/// Proves the migrations on a scratch database: each one in order is applied, rolled back and applied again, and the
/// schema must equal the previous migration's after the rollback and its own after the re-apply. Then the final
/// schema must equal the schema file, when there is one, and every seed file must run. Stops at the first failure.
/// </summary>
/// <param name="server">The server the verifier builds its databases on.</param>
/// <param name="logger">Where progress is reported; nowhere when null.</param>
internal sealed class MigrationVerifier(ScratchServer server, ILogger? logger = null) : ScratchComparer(server, logger)
{
    /// <summary>Runs every check; a migration that fails to run is a failure in the result, not an exception.</summary>
    /// <exception cref="MigrationFileException">A migration file is malformed.</exception>
    /// <exception cref="ConfigurationException">The schema file is a directory, or was named and does not exist.</exception>
    public async Task<VerifyResult> VerifyAsync(VerifyOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckSchemaFile(options);
        var source = new DirectoryMigrationSource(options.MigrationsDirectories);
        var migrations = await source.LoadAsync(cancellationToken);
        await using var scratch = await BuildAsync(source, options, cancellationToken);
        var previous = await scratch.SnapshotAsync(cancellationToken);
        var verified = 0;
        var moved = new List<string>();
        foreach (var migration in migrations)
        {
            var failure = await RoundTripAsync(scratch, migration, previous, moved, cancellationToken);
            if (failure.Failure is not null)
            {
                return new VerifyResult(verified, null, 0, failure.Failure) { MovedColumns = moved };
            }

            previous = failure.Schema;
            verified++;
        }

        var schemaFile = options.SchemaFile is { } file && File.Exists(file) ? Path.GetFullPath(file) : null;
        if (schemaFile is not null && await CompareSchemaFileAsync(schemaFile, previous, options.Migrator.HistoryTable, cancellationToken) is { } mismatch)
        {
            return new VerifyResult(verified, schemaFile, 0, mismatch) { MovedColumns = moved };
        }

        var (seeds, seedFailure) = await RunSeedsAsync(scratch.Database, options.SeedsDirectory, cancellationToken);
        return new VerifyResult(verified, schemaFile, seeds, seedFailure) { MovedColumns = moved };
    }

    // Before the scratch work, so a wrong name fails at once instead of after every migration ran, or not at all.
    private static void CheckSchemaFile(VerifyOptions options)
    {
        if (options.SchemaFile is not { } named)
        {
            return;
        }

        if (Directory.Exists(named))
        {
            throw new ConfigurationException($"schema file {Path.GetFullPath(named)} is a directory, not a file; name the schema file itself");
        }

        if (options.SchemaFileGivenBy is { } givenBy && !File.Exists(named))
        {
            throw new ConfigurationException($"schema file {Path.GetFullPath(named)} given by {givenBy} does not exist; name a schema file that exists");
        }
    }

    private async Task<(SchemaSnapshot Schema, VerifyFailure? Failure)> RoundTripAsync(
        ScratchBuild scratch, Migration migration, SchemaSnapshot previous, List<string> moved, CancellationToken cancellationToken)
    {
        var migrator = scratch.Migrator;
        var subject = $"{migration.Version}_{migration.Description}";
        if (await RunAsync(() => migrator.UpAsync(MigrationTarget.Steps(1), false, cancellationToken)) is { } upError)
        {
            return (previous, new VerifyFailure(VerifyStep.Up, subject, upError.Message, []) { Cause = upError });
        }

        var applied = await scratch.SnapshotAsync(cancellationToken);
        if (migration.Down is null)
        {
            return (applied, new VerifyFailure(VerifyStep.Down, subject, "it has no down section", []));
        }

        if (await RunAsync(() => migrator.DownAsync(MigrationTarget.Steps(1), cancellationToken)) is { } downError)
        {
            return (applied, new VerifyFailure(VerifyStep.Down, subject, downError.Message, []) { Cause = downError });
        }

        var restored = await scratch.SnapshotAsync(cancellationToken);
        var reverted = SchemaComparer.Compare(previous, restored);
        if (OnlyColumnPositions(reverted))
        {
            // A down that re-adds a dropped column (the contract step of expand/contract) cannot put it back in place:
            // PostgreSQL only appends columns. Everything else was restored, so this is reported, not failed. The
            // columns after its old place moved up one without changing their order; only the re-added one is noted.
            foreach (var column in ColumnsPutBackLast.Find(previous, restored, reverted.Differences))
            {
                moved.Add($"{subject}: {column}");
                Logger.LogWarning("{Migration}: its down put column {Column} back in another position", subject, column);
            }
        }
        else if (!reverted.AreEqual)
        {
            return (applied, new VerifyFailure(VerifyStep.Down, subject, null, reverted.Differences));
        }

        if (await RunAsync(() => migrator.UpAsync(MigrationTarget.Steps(1), false, cancellationToken)) is { } againError)
        {
            return (applied, new VerifyFailure(VerifyStep.Reapply, subject, againError.Message, []) { Cause = againError });
        }

        var again = await scratch.SnapshotAsync(cancellationToken);
        var reapplied = SchemaComparer.Compare(applied, again);
        return reapplied.AreEqual ? (again, null) : (again, new VerifyFailure(VerifyStep.Reapply, subject, null, reapplied.Differences));
    }

    private static bool OnlyColumnPositions(SchemaComparison comparison) =>
        !comparison.AreEqual && comparison.Differences.All(d =>
            d.Kind == "column" && d.Change == SchemaChange.Changed && d.Attributes.All(a => a.Name == "position"));

    private async Task<VerifyFailure?> CompareSchemaFileAsync(
        string file, SchemaSnapshot migrated, HistoryTableName history, CancellationToken cancellationToken)
    {
        var script = SqlSplitter.Split(await SeedFiles.ReadTextAsync(file, cancellationToken), new SqlSplitOptions { FileName = file, Kind = "schema file" });
        await using var loaded = await Server.CreateDatabaseAsync(cancellationToken);
        await using (var connection = await loaded.DataSource.OpenConnectionAsync(cancellationToken))
        {
            try
            {
                await ScriptExecutor.RunAsync(connection, script, file, "schema file", "it was loaded into a scratch database only", cancellationToken);
            }
            catch (StrataException ex)
            {
                return new VerifyFailure(VerifyStep.SchemaFile, file, ex.Message, []) { Cause = ex };
            }
        }

        // A dump carries the history table too; the migrated side leaves it out.
        var comparison = SchemaComparer.Compare(HistoryObjects.Exclude(await loaded.SnapshotAsync(cancellationToken), history), migrated);
        return comparison.AreEqual ? null : new VerifyFailure(VerifyStep.SchemaFile, file, null, comparison.Differences);
    }

    private static async Task<(int Seeds, VerifyFailure? Failure)> RunSeedsAsync(
        ScratchDatabase scratch, string? directory, CancellationToken cancellationToken)
    {
        if (directory is null || !SeedFiles.Exist(directory))
        {
            return (0, null);
        }

        var seeds = await SeedFiles.ReadAsync(directory, cancellationToken);
        await using var connection = await scratch.DataSource.OpenConnectionAsync(cancellationToken);
        var ran = 0;
        foreach (var (file, script) in seeds)
        {
            try
            {
                await ScriptExecutor.RunAsync(connection, script, file, "seed", "it ran on a scratch database only", cancellationToken);
            }
            catch (StrataException ex)
            {
                return (ran, new VerifyFailure(VerifyStep.Seed, file, ex.Message, []) { Cause = ex });
            }

            ran++;
        }

        return (ran, null);
    }

    private static async Task<StrataException?> RunAsync(Func<Task> step)
    {
        try
        {
            await ScratchRun.RunAsync(step);
            return null;
        }
        catch (StrataException ex) when (ex is not LockNotAcquiredException and not ConnectionFailedException)
        {
            return ex;
        }
    }
}
