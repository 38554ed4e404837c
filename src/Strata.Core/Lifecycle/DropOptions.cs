namespace Strata.Core.Lifecycle;

/// <summary>How <see cref="DatabaseLifecycle.DropAsync"/> drops the database.</summary>
internal sealed record DropOptions
{
    /// <summary>
    /// End the other sessions connected to the database first (<c>DROP DATABASE ... WITH (FORCE)</c> on PostgreSQL
    /// 13 and later, <c>pg_terminate_backend</c> before). Without it, a database in use is not dropped.
    /// </summary>
    public bool Force { get; init; }

    /// <summary>
    /// Asked, with a one-line question naming the database and server, once the database is known to exist and
    /// before anything is dropped; returning false drops nothing. Null drops without asking (the caller has decided).
    /// </summary>
    public Func<string, bool>? Confirm { get; init; }

    /// <summary>
    /// The database is to be created again right after (a reset): refuse, before dropping it, when the role may not
    /// create databases, rather than leave it gone.
    /// </summary>
    public bool Recreate { get; init; }
}
