using Npgsql;
using Strata.Core.Data;

namespace Strata.Core.Adoption;

/// <summary>Lists tables, views and materialised views a user created: what an existing schema already holds.</summary>
internal static class UserObjectProbe
{
    // Objects that belong to an extension (pg_depend 'e') are not the user's: a database holding only extensions is empty.
    private const string Query = """
        SELECT format('%I.%I', n.nspname, c.relname)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
          AND NOT (n.nspname = $1 AND c.relname = ANY($2)) AND NOT (n.nspname = ANY($5))
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')
          AND NOT (format('%I.%I', n.nspname, c.relname) = ANY($3))
        ORDER BY n.nspname, c.relname
        LIMIT $4
        """;

    // Every relation outside the system schemas but ours, an extension's included: a superset of what the adoption
    // guard's queries look at (another tool's history table, the user's objects), so where there is none neither
    // would find anything. One cheap query instead of two for a new database, the common first run.
    private const string AnyQuery = """
        SELECT EXISTS (
            SELECT FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
              AND NOT (n.nspname = $1 AND c.relname = ANY($2)) AND NOT (n.nspname = ANY($3)))
        """;

    /// <summary>Whether the database has any relation outside the system schemas and the ignored ones besides Strata's own tables.</summary>
    public static Task<bool> AnyRelationAsync(NpgsqlConnection connection, GuardScope scope, CancellationToken cancellationToken) =>
        Db.ScalarAsync<bool>(connection, new BoundSql(AnyQuery, scope.Ours.Schema, scope.OurTables, scope.IgnoredSchemas), cancellationToken);

    public static async Task<IReadOnlyList<string>> ListAsync(
        NpgsqlConnection connection, GuardScope scope, IEnumerable<ForeignHistoryTable> ignored, int limit, CancellationToken cancellationToken)
    {
        var skip = ignored.Select(t => t.QualifiedName).ToArray();
        await using var command = new BoundSql(Query, scope.Ours.Schema, scope.OurTables, skip, limit, scope.IgnoredSchemas).ToCommand(connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
