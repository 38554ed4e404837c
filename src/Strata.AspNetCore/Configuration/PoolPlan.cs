using Strata.Core.Connections;

namespace Strata.AspNetCore.Configuration;

/// <summary>
/// Which pools the app and Strata use. One pool serves both, unless the app's pool multiplexes or auto-prepares: a
/// multiplexed connection has no server session of its own, and the migration lock and the engine's settings need
/// one; a migration that discards session state would leave the app's prepared statements unknown to the server. Then
/// Strata's own work runs on a plain pool beside the app's, on the same database and login.
/// </summary>
internal sealed class PoolPlan(StrataPoolOptions pool, string? applicationName)
{
    /// <summary>
    /// The connections a migration run holds at once: one keeps the migration lock (and reads the history), the
    /// other runs the migrations.
    /// </summary>
    public const int MigrationConnections = 2;

    /// <summary>Whether the app's pool is also Strata's.</summary>
    public bool IsShared => pool.Multiplexing != true && pool.MaxAutoPrepare is null or 0;

    /// <summary>The pool of Strata's own work; the app's too when <see cref="IsShared"/>. Never multiplexed.</summary>
    public DataSourceOptions EngineOptions() => new()
    {
        ApplicationName = applicationName,
        // Kept open for the app's requests, not for Strata's few: a pool of its own keeps none idle.
        MinPoolSize = IsShared ? pool.MinSize : null,
        MaxPoolSize = IsShared || pool.MaxSize is not { } max ? pool.MaxSize : Math.Max(max, MigrationConnections),
        ConnectionLifetime = pool.ConnectionLifetime,
        CommandTimeout = pool.CommandTimeout,
        ResetOnClose = pool.ResetOnClose,
        VerifyConnection = false,
    };

    /// <summary>The app's pool when it is not <see cref="IsShared"/>.</summary>
    public DataSourceOptions AppOptions() => EngineOptions() with
    {
        MinPoolSize = pool.MinSize,
        MaxPoolSize = pool.MaxSize,
        Multiplexing = pool.Multiplexing == true,
        MaxAutoPrepare = pool.MaxAutoPrepare,
    };
}
