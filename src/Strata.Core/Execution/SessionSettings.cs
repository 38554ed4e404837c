namespace Strata.Core.Execution;

/// <summary>
/// What the work connection's own (session) <c>lock_timeout</c>, <c>statement_timeout</c> and
/// <c>synchronous_commit</c> hold between two migrations of a run. A run sets them once, in the first transactional
/// migration's batch, so later migrations send the timeouts only when their options differ; the last migration puts
/// the connection's values back, and its <c>COMMIT</c> waits for the flush of every migration before it.
/// </summary>
internal enum SessionSettings
{
    /// <summary>The connection's own values, as it was opened or after a <c>transaction:false</c> migration reset them.</summary>
    NotSet,

    /// <summary>The run's values, committed by an earlier migration of the run.</summary>
    RunDefaults,
}
