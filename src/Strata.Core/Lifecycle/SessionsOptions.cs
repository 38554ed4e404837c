namespace Strata.Core.Lifecycle;

/// <summary>Which sessions <see cref="DatabaseLifecycle.SessionsAsync"/> lists.</summary>
internal sealed record SessionsOptions
{
    /// <summary>List the sessions of every database on the server, not only the target database's.</summary>
    public bool AllDatabases { get; init; }
}
