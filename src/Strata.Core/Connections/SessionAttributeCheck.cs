using Npgsql;
using Strata.Core.Errors;

namespace Strata.Core.Connections;

/// <summary>
/// <c>target_session_attrs</c> with a single host, as libpq does it: Npgsql accepts the setting only among several
/// hosts, so with one host it is not passed on, and each new physical connection asks the server what it is instead,
/// failing the connection when the server is not the kind asked for.
/// </summary>
internal static class SessionAttributeCheck
{
    private const string Query = "SELECT pg_catalog.pg_is_in_recovery(), pg_catalog.current_setting('transaction_read_only') = 'on'";

    /// <summary>Whether <paramref name="settings"/> ask for a check: one host and an attribute that not every server meets.</summary>
    public static bool Needed(ConnectionSettings settings) =>
        settings.Hosts.Count == 1 && settings.TargetSessionAttributes is "read-write" or "read-only" or "primary" or "standby";

    public static void Check(NpgsqlConnection connection, ConnectionSettings settings)
    {
        using var command = new NpgsqlCommand(Query, connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        Judge(settings, reader.GetBoolean(0), reader.GetBoolean(1));
    }

    public static async Task CheckAsync(NpgsqlConnection connection, ConnectionSettings settings)
    {
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Judge(settings, reader.GetBoolean(0), reader.GetBoolean(1));
    }

    private static void Judge(ConnectionSettings settings, bool inRecovery, bool readOnly)
    {
        var wanted = settings.TargetSessionAttributes;
        var problem = wanted switch
        {
            "read-write" when readOnly => "only allows read-only transactions (transaction_read_only is on)",
            "read-only" when !readOnly => "allows read-write transactions (transaction_read_only is off)",
            "primary" when inRecovery => "is a standby (in recovery)",
            "standby" when !inRecovery => "is a primary (not in recovery)",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ConnectionFailedException(
                $"The server at {settings.Hosts[0]} {problem}, and {SettingNames.TargetSessionAttributes}={wanted} asks for a {wanted} server; connect to one, or change {SettingNames.TargetSessionAttributes}.");
        }
    }
}
