using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Local;
using Strata.Core.Schema;
using Strata.Lint.Observation;

namespace Strata.Lint;

/// <content>Dynamic lint: run each migration on a scratch copy of the schema and judge what the server did.</content>
public sealed partial class MigrationLinter
{
    /// <summary>
    /// Lints like <see cref="LintPathsAsync"/>, then runs every migration on a scratch database statement by
    /// statement (rolling each back after observing it, then applying it so the next one starts from it) and lets
    /// what the server did decide wherever the static rules only guessed. The connection strings are read by
    /// Strata's connection resolver, like every other database Strata is given.
    /// </summary>
    /// <exception cref="ConfigurationException">A connection string cannot be read.</exception>
    /// <exception cref="ConnectionFailedException">The scratch database cannot be created, or the reference cannot be read.</exception>
    /// <exception cref="DatabaseCommandFailedException">The reference schema cannot be copied.</exception>
    /// <exception cref="PrerequisiteMissingException">libpg_query or pg_dump is not installed.</exception>
    public async Task<LintResult> LintDynamicAsync(IReadOnlyList<string> paths, DynamicLintOptions dynamic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(dynamic);
        var environment = ProcessEnvironment.Snapshot();
        var request = new ConnectionRequest { Environment = environment, WorkingDirectory = Directory.GetCurrentDirectory() };
        ReferenceDatabase? reference = null;
        ResolvedConnection? connection = null;
        if (dynamic.Reference is { } given)
        {
            connection = await new ConnectionResolver().ResolveAsync(request with { DatabaseUrl = given }, cancellationToken);
            reference = new ReferenceDatabase(connection, new DatabaseConnector(null), environment);
        }

        // The migrations ran on the reference with its session settings, so the scratch database takes them too.
        var scratch = await ScratchServer.OpenAsync(dynamic.ScratchServer, new NoLocalServer(), request, connection?.Settings, null, cancellationToken);
        return await LintDynamicAsync(paths, scratch, reference, new ObservationTimeouts(dynamic.StatementTimeout), cancellationToken);
    }

    /// <summary>Dynamic lint on a scratch server and reference the caller resolved (the CLI, from its settings).</summary>
    internal async Task<LintResult> LintDynamicAsync(
        IReadOnlyList<string> paths, ScratchServer scratchServer, ReferenceDatabase? reference, ObservationTimeouts timeouts, CancellationToken cancellationToken)
    {
        var units = await UnitsAsync(paths, cancellationToken);
        var staticResult = Run(units);

        // What up does on the reference depends on the settings its sessions start with there (the TimeZone decides
        // whether timestamp to timestamptz rewrites), so the scratch database's sessions start with them too.
        var defaults = reference is null ? [] : await reference.SessionDefaultsAsync(cancellationToken);
        await using var scratch = await CreateScratchAsync(scratchServer, defaults, cancellationToken);
        var sizes = new Dictionary<string, RelationSize>(StringComparer.Ordinal);
        if (reference is not null)
        {
            await reference.CopySchemaAsync(scratch, cancellationToken);
            sizes = await reference.SizesAsync(cancellationToken);
        }

        var observations = new List<StatementObservation>();
        foreach (var unit in units)
        {
            var before = await scratch.SnapshotAsync(cancellationToken);
            var observed = await MigrationObserver.ObserveAsync(scratch.DataSource, unit, timeouts, cancellationToken);
            if (observed.Count > 0 && observed.All(o => o.Succeeded))
            {
                // The catalog model Strata's diff, drift and verify compare, before and after this migration.
                observed = SchemaBreaks.Attribute(unit, observed, SchemaComparer.Compare(before, await scratch.SnapshotAsync(cancellationToken)));
            }

            observations.AddRange(observed);
        }

        return Finish(DynamicVerdict.Combine(staticResult, units, observations, sizes, _options));
    }

    private static async Task<ScratchDatabase> CreateScratchAsync(
        ScratchServer server, IReadOnlyList<KeyValuePair<string, string>> defaults, CancellationToken cancellationToken)
    {
        try
        {
            return await server.CreateDatabaseAsync(defaults, cancellationToken);
        }
        catch (NpgsqlException error)
        {
            throw LintConnectionError.From("cannot create a scratch database", error);
        }
    }

    // A library caller always names the scratch server, so the local cluster is never asked for.
    private sealed class NoLocalServer : ILocalServer
    {
        public Task<LocalServerEndpoint> EnsureStartedAsync(CancellationToken cancellationToken) =>
            throw new ConfigurationException("dynamic lint needs a scratch server: set DynamicLintOptions.ScratchServer");
    }
}
