namespace Strata.Core.Execution;

/// <summary>
/// What the work connection's own (session) <c>lock_timeout</c> and <c>statement_timeout</c> hold between two
/// migrations of a run. A run sets the run's values once, in the first transactional migration's batch, so later
/// migrations send them only when their options differ; the last migration puts the connection's values back.
/// </summary>
internal enum SessionTimeouts
{
    /// <summary>The connection's own values, as it was opened or after a <c>transaction:false</c> migration reset them.</summary>
    NotSet,

    /// <summary>The run's lock and statement timeouts, committed by an earlier migration of the run.</summary>
    RunDefaults,
}
