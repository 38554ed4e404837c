namespace Strata.AspNetCore;

/// <summary>The connection pool of the app's <c>NpgsqlDataSource</c>. Unset values keep Npgsql's defaults.</summary>
public sealed class StrataPoolOptions
{
    /// <summary>Connections the pool keeps open even when idle (<c>Strata:Pool:MinSize</c>); Npgsql's default is 0.</summary>
    public int? MinSize { get; set; }

    /// <summary>The most connections the pool opens (<c>Strata:Pool:MaxSize</c>); Npgsql's default is 100.</summary>
    public int? MaxSize { get; set; }

    /// <summary>
    /// How long a connection may live before the pool closes it (<c>Strata:Pool:ConnectionLifetime</c>), so that
    /// connections move to new servers after a failover or DNS change; Npgsql's default (1 h) when unset, no limit when
    /// zero.
    /// </summary>
    public TimeSpan? ConnectionLifetime { get; set; }

    /// <summary>The default command timeout (<c>Strata:Pool:CommandTimeout</c>); Npgsql's default is 30 s.</summary>
    public TimeSpan? CommandTimeout { get; set; }

    /// <summary>
    /// Whether a connection's session state (settings made with SET, temporary tables, advisory locks, open cursors)
    /// is reset each time it returns to the pool (<c>Strata:Pool:ResetOnClose</c>); Npgsql's default is true. Set
    /// false only when neither the app nor the migrations it applies on start change session state: each reuse then
    /// skips the reset statements, and prepared statements stay on their connections without a longer reset.
    /// </summary>
    public bool? ResetOnClose { get; set; }

    /// <summary>
    /// Whether the app's commands share a few physical connections, many requests' statements written and read
    /// together (<c>Strata:Pool:Multiplexing</c>, Npgsql's multiplexing); off by default. A multiplexed connection has
    /// no server session of its own, so the app must not rely on session state (SET, temporary tables, advisory locks
    /// outside a transaction) and cannot prepare statements explicitly (use <see cref="MaxAutoPrepare"/>). Strata's own
    /// work (the migration lock, migrate-on-start, readiness) then runs on a plain pool of its own.
    /// </summary>
    public bool? Multiplexing { get; set; }

    /// <summary>
    /// How many statements each physical connection prepares automatically once they have run five times
    /// (<c>Strata:Pool:MaxAutoPrepare</c>, Npgsql's Max Auto Prepare); none by default. Prepared, a statement is
    /// parsed once per connection and can keep a cached plan. Strata's own work then runs on a plain pool of its own, so
    /// that a migration that discards session state never meets the app's prepared statements.
    /// </summary>
    public int? MaxAutoPrepare { get; set; }
}
