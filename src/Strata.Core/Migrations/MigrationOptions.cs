namespace Strata.Core.Migrations;

/// <summary>The options written on a section's directive line, e.g. <c>-- migrate:up transaction:false lock_timeout:2s</c>.</summary>
/// <param name="Transaction">Whether the section runs inside one transaction with its history row (the default).</param>
/// <param name="LockTimeout">The section's <c>lock_timeout</c>, or null for the run's default.</param>
/// <param name="StatementTimeout">The section's <c>statement_timeout</c>, or null for the run's default.</param>
/// <param name="Phase">When the migration runs relative to the deploy; written on the up section's line only.</param>
internal sealed record MigrationOptions(
    bool Transaction = true, TimeSpan? LockTimeout = null, TimeSpan? StatementTimeout = null, MigrationPhase Phase = MigrationPhase.Pre)
{
    /// <summary>The options of a section whose directive line names none.</summary>
    public static MigrationOptions Default { get; } = new();
}
