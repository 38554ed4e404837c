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
    /// connections move to new servers after a failover or DNS change; unlimited when unset.
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
}
