using Npgsql;

namespace Strata.Core.Data;

/// <summary>Tells a lost or refused connection apart from an error in the SQL that was sent.</summary>
internal static class ConnectionErrors
{
    /// <summary>The connection broke or the server went away while it was in use.</summary>
    public static bool IsConnectionLoss(NpgsqlException exception) => exception switch
    {
        // 08: connection exception; 57P01-03: the server is shutting down, crashed, or not accepting connections yet.
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        // Npgsql raises a plain NpgsqlException for I/O failures, broken streams and pool timeouts.
        _ => true,
    };

    /// <summary>
    /// A connection could not be made or was lost. Opening a connection can also fail on authentication (28), an
    /// unknown database (3D000) or a full server (53300); a migration statement can raise 3D000 itself, so executors
    /// only test <see cref="IsConnectionLoss"/>.
    /// </summary>
    public static bool IsConnectionFailure(NpgsqlException exception) =>
        IsConnectionLoss(exception)
        || (exception is PostgresException pg && (pg.SqlState.StartsWith("28", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.TooManyConnections));
}
