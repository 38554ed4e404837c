using Strata.Core.Errors;
using Strata.Lint.Observation;

namespace Strata.Lint;

/// <content>Dynamic lint: run each migration on a scratch copy of the schema and judge what the server did.</content>
public sealed partial class MigrationLinter
{
    /// <summary>
    /// Lints like <see cref="LintPathsAsync"/>, then runs every migration on a scratch database statement by
    /// statement (rolling each back after observing it, then applying it so the next one starts from it) and lets
    /// what the server did decide wherever the static rules only guessed.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The scratch database cannot be created.</exception>
    /// <exception cref="DatabaseCommandFailedException">The reference schema cannot be copied.</exception>
    /// <exception cref="PrerequisiteMissingException">libpg_query, pg_dump or psql is not installed.</exception>
    public async Task<LintResult> LintDynamicAsync(IReadOnlyList<string> paths, DynamicLintOptions dynamic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(dynamic);
        var units = await UnitsAsync(paths, cancellationToken);
        var staticResult = Run(units);
        await using var scratch = await ScratchDatabase.CreateAsync(dynamic.ScratchServer, cancellationToken);
        var sizes = new Dictionary<string, RelationSize>(StringComparer.Ordinal);
        if (dynamic.Reference is { } reference)
        {
            await scratch.CopySchemaAsync(reference, cancellationToken);
            sizes = await ReferenceSizes.ReadAsync(reference, cancellationToken);
        }

        var observations = new List<StatementObservation>();
        foreach (var unit in units)
        {
            observations.AddRange(await MigrationObserver.ObserveAsync(scratch.DataSource, unit, cancellationToken));
        }

        return Finish(DynamicVerdict.Combine(staticResult, units, observations, sizes, _options));
    }
}
