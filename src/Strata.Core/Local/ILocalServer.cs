namespace Strata.Core.Local;

/// <summary>
/// The local PostgreSQL that Strata runs itself when no database is configured. The connection layer asks it for
/// an endpoint; starting it (and creating it on first use) is the implementation's job.
/// </summary>
internal interface ILocalServer
{
    /// <summary>Creates the cluster if needed, starts it if it is not running, and returns where it listens.</summary>
    Task<LocalServerEndpoint> EnsureStartedAsync(CancellationToken cancellationToken);
}
