using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>The result of <c>repair</c>.</summary>
/// <param name="Interrupted">Every interrupted migration, as it was before any change.</param>
/// <param name="Action">What was done.</param>
/// <param name="Resolved">The migration whose history row was changed, or null when nothing was changed.</param>
/// <param name="LockHolder">
/// When only inspecting: the session holding the migration lock now, most likely a run still running the migration,
/// which is then not interrupted; null when no run holds it.
/// </param>
internal sealed record RepairResult(IReadOnlyList<InterruptedMigration> Interrupted, RepairAction Action, MigrationVersion? Resolved, Locking.LockHolder? LockHolder = null);
