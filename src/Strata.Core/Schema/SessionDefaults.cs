using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Logging;

namespace Strata.Core.Schema;

/// <summary>
/// The session defaults a server keeps for a database and role (<c>ALTER DATABASE ... SET</c>, <c>ALTER ROLE ... SET</c>,
/// <c>ALTER ROLE ... IN DATABASE ... SET</c>): a target's migrations ran with them, so the scratch database that
/// rebuilds their schema is given them too. Without its search_path, an unqualified <c>CREATE TABLE</c> lands in
/// another schema there and reads as drift.
/// </summary>
internal static class SessionDefaults
{
    // Each setting at the level that wins for the connecting (login) role: the database's, then the role's, then the
    // role's in the database. Read from the catalog rather than pg_settings, which hides an application's own settings
    // (myapp.tenant). What the connection itself sets (its options, its search_path) is carried by the connection.
    // A target that only takes reads (drift works on one) still has its schema rebuilt on a writable scratch database.
    private const string Query = """
        SELECT DISTINCT ON (name) name, value
        FROM (SELECT split_part(c, '=', 1) AS name, substr(c, strpos(c, '=') + 1) AS value,
                     CASE WHEN s.setrole = 0 THEN 0 WHEN s.setdatabase = 0 THEN 1 ELSE 2 END AS level
              FROM pg_db_role_setting s CROSS JOIN LATERAL unnest(s.setconfig) c
              WHERE s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
                AND s.setrole IN (0, (SELECT oid FROM pg_roles WHERE rolname = session_user))) d
        WHERE name <> 'default_transaction_read_only'
        ORDER BY name, level DESC
        """;

    /// <summary>The defaults sessions on <paramref name="target"/> start with, by setting name.</summary>
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadAsync(NpgsqlDataSource target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var command = target.CreateCommand(Query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var defaults = new List<KeyValuePair<string, string>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            defaults.Add(new(reader.GetString(0), reader.GetString(1)));
        }

        return defaults;
    }

    /// <summary>
    /// Makes each of <paramref name="defaults"/> a default of the connected role in <paramref name="database"/>: the
    /// level that beats whatever defaults the scratch server has of its own, as on the target only what the
    /// connection sets beats them. A default the server refuses is logged and left out.
    /// </summary>
    public static async Task ApplyAsync(
        NpgsqlConnection connection, string database, IReadOnlyList<KeyValuePair<string, string>> defaults, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        foreach (var (name, value) in defaults)
        {
            // set_config reads the value as the server reads its own, and FROM CURRENT stores it so: a list (a
            // search_path of several schemas) stays a list, a quantity keeps its unit. Set for the batch's implicit
            // transaction only, so this connection's own session (a role, a timeout) is left as it was.
            var setting = string.Join('.', name.Split('.').Select(SqlText.Identifier));
            try
            {
                await Db.ExecuteAsync(connection,
                [
                    new BoundSql("SELECT set_config($1, $2, true)", name, value),
                    new BoundSql($"ALTER ROLE CURRENT_USER IN DATABASE {SqlText.Identifier(database)} SET {setting} FROM CURRENT"),
                ], cancellationToken);
            }
            catch (PostgresException ex)
            {
                // The value is left out of the log: a setting may hold a secret.
                LogMessages.ScratchDefaultRefused(logger, name, ex.MessageText);
            }
        }
    }
}
