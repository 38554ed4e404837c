namespace Strata.Lint.Observation;

/// <summary>
/// The run's <c>statement_timeout</c>, which the scratch database applies as <c>up</c> does: a migration's own value
/// wins; null leaves the server's setting. No client-side timeout cuts a statement short. <c>lock_timeout</c> is not
/// applied: nobody else uses the scratch database, and the only lock a statement waits for there is the snapshot
/// the observer itself holds to watch a concurrent build, which a short lock timeout would turn into a failure.
/// </summary>
internal sealed record ObservationTimeouts(TimeSpan? StatementTimeout);
