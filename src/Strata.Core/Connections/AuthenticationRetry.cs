using Microsoft.Extensions.Logging;
using Npgsql;

namespace Strata.Core.Connections;

/// <summary>
/// Opens a connection and, when the server refuses the password (SQLSTATE 28P01) and the password comes from a file
/// or a command, tries once more before reporting: the new physical connection reads the file again or reruns the
/// command, so a secret rotated while the process ran is picked up. One retry only: a wrong password stays wrong, and
/// repeated failed logins can lock a role out.
/// </summary>
internal static class AuthenticationRetry
{
    /// <summary>Whether <paramref name="connection"/>'s password is read afresh for each new connection.</summary>
    public static bool CanRefresh(ResolvedConnection connection) => connection.PasswordFile is not null || connection.PasswordCommand is not null;

    /// <summary>Whether <paramref name="exception"/> is the server refusing the password.</summary>
    public static bool IsPasswordRefused(Exception exception) => exception is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword };

    public static async Task<NpgsqlConnection> OpenAsync(
        NpgsqlDataSource dataSource, ResolvedConnection connection, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await CancellableOpen.OpenAsync(dataSource, cancellationToken);
        }
        catch (PostgresException ex) when (IsPasswordRefused(ex) && CanRefresh(connection))
        {
            Logging.LogMessages.PasswordRefusedRetrying(logger, connection.PasswordSourceDescription);
            return await CancellableOpen.OpenAsync(dataSource, cancellationToken);
        }
    }
}
