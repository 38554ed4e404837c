namespace Strata.Core.Execution;

/// <summary>The result of <c>up</c> or <c>down</c>: the migrations that ran, in the order they ran.</summary>
/// <param name="Direction">Up or down.</param>
/// <param name="DryRun">Whether nothing was executed and <paramref name="Migrations"/> is the plan.</param>
/// <param name="Migrations">The migrations that ran (or would run), in order; empty when there was nothing to do.</param>
public sealed record MigrationRunResult(MigrationDirection Direction, bool DryRun, IReadOnlyList<MigrationStepResult> Migrations)
{
    /// <summary>
    /// For <c>up</c>: the pending migrations the run left pending because its target or phase stopped short of them
    /// (0 when it went as far as the files go).
    /// </summary>
    public int LeftPending { get; init; }
}
