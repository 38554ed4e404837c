using Npgsql;

namespace Strata.Core.Execution;

/// <summary>Tells a lost or refused connection apart from an error in the SQL that was sent.</summary>
internal static class ConnectionErrors
{
    public static bool IsConnectionFailure(NpgsqlException exception) => exception switch
    {
        // 08: connection exception; 28: authentication; 3D000: no such database; 53300: too many connections;
        // 57P01-03: the server is shutting down, crashed, or not accepting connections yet.
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("28", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.TooManyConnections
                or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        // Npgsql raises a plain NpgsqlException for I/O failures, broken streams and pool timeouts.
        _ => true,
    };
}
