namespace Strata.AspNetCore.Hosting;

/// <summary>
/// Where migrate-on-start is, for the readiness check and the request gate: while it runs (or after it failed, until
/// the host stops) the app is not ready and serves only its health endpoints.
/// </summary>
internal sealed class StartupProgress
{
    private readonly TaskCompletionSource<bool> _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _problem;
    private volatile bool _reachable = true;

    /// <summary>Completes once migrate-on-start has ended: true when the migrations are applied, false when it failed or was stopped.</summary>
    public Task<bool> Migrated => _migrated.Task;

    /// <summary>Why the app may not take traffic yet, or null once migrate-on-start finished (or was never asked for).</summary>
    public string? Problem => _problem;

    /// <summary>Whether the database answered; false while migrate-on-start still waits for it.</summary>
    public bool DatabaseReachable => _reachable;

    public void Waiting(string reason)
    {
        _reachable = false;
        _problem = $"migrating: waiting for the database before applying migrations ({reason})";
    }

    public void Migrating()
    {
        _reachable = true;
        _problem = "migrating: applying pending migrations";
    }

    public void Failed(string reason)
    {
        _problem = $"migrate on start failed: {reason}";
        _migrated.TrySetResult(false);
    }

    public void Stopped() => _migrated.TrySetResult(false);

    public void Finished()
    {
        _problem = null;
        _migrated.TrySetResult(true);
    }
}
