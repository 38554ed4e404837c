using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>The result of <c>repair</c>.</summary>
/// <param name="Interrupted">Every interrupted migration, as it was before any change.</param>
/// <param name="Action">What was done.</param>
/// <param name="Resolved">The migration whose history row was changed, or null when nothing was changed.</param>
internal sealed record RepairResult(IReadOnlyList<InterruptedMigration> Interrupted, RepairAction Action, MigrationVersion? Resolved);
