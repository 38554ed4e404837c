using Npgsql;
using Strata.Core.Data;

namespace Strata.Core.Lifecycle;

/// <summary>The catalog queries lifecycle commands share.</summary>
internal static class Catalog
{
    // Tables a user made: plain and partitioned, outside the system schemas, not temporary.
    private const string UserTables = """
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND c.relpersistence <> 't'
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%'
        """;

    public static async Task<bool> DatabaseExistsAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken) =>
        await Db.ScalarAsync<bool>(connection, new BoundSql("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1)", database), cancellationToken);

    /// <summary>How many other sessions are connected to <paramref name="database"/>.</summary>
    public static async Task<int> OtherSessionsAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken) =>
        (int)await Db.ScalarAsync<long>(
            connection,
            new BoundSql("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()", database),
            cancellationToken);

    public static async Task<int> UserTableCountAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (int)await Db.ScalarAsync<long>(connection, new BoundSql("SELECT count(*) " + UserTables), cancellationToken);

    /// <summary>Whether the connected role may create databases: it has <c>CREATEDB</c> or is a superuser.</summary>
    public static async Task<bool> MayCreateDatabasesAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await Db.ScalarAsync<bool>(
            connection, new BoundSql("SELECT rolcreatedb OR rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user"), cancellationToken);

    /// <summary>Up to <paramref name="limit"/> user tables as <c>schema.table</c>, in name order, for messages.</summary>
    public static async Task<IReadOnlyList<string>> SomeUserTablesAsync(NpgsqlConnection connection, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT n.nspname || '.' || c.relname AS name {UserTables} ORDER BY n.nspname || '.' || c.relname COLLATE \"C\" LIMIT {limit}", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
