using Npgsql;

namespace Strata.Core.Generators;

/// <summary>Asks the catalog whether a type is a domain carrying a NOT NULL or CHECK constraint, its own or inherited.</summary>
internal static class DomainConstraintReader
{
    // The domain and the domains it is based on, nearest first; the base type is the one under the last of them.
    private const string Query = """
        WITH RECURSIVE chain AS (
            SELECT t.oid, t.typbasetype, t.typtypmod, t.typnotnull, 1 AS depth
            FROM pg_type t
            WHERE t.oid = $1::regtype AND t.typtype = 'd'
            UNION ALL
            SELECT b.oid, b.typbasetype, b.typtypmod, b.typnotnull, c.depth + 1
            FROM chain c
            JOIN pg_type b ON b.oid = c.typbasetype
            WHERE b.typtype = 'd'
        )
        SELECT format_type(c.oid, NULL),
               c.typnotnull,
               EXISTS (SELECT 1 FROM pg_constraint k WHERE k.contypid = c.oid AND k.contype = 'c'),
               (SELECT format_type(l.typbasetype, l.typtypmod) FROM chain l ORDER BY l.depth DESC LIMIT 1),
               (SELECT d.typdefaultbin IS NOT NULL FROM pg_type d WHERE d.oid = $1::regtype)
        FROM chain c
        ORDER BY c.depth
        """;

    /// <summary>
    /// The constraint <paramref name="type"/> carries (a NOT NULL before a CHECK, else the nearest), or null: not a
    /// domain, a domain without constraints, or a type the database does not know (a pending migration may create it).
    /// </summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="type">The type as SQL writes it, resolved with the database's search path.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="NpgsqlException">The database cannot be reached or queried.</exception>
    public static async Task<DomainConstraint?> ReadAsync(NpgsqlDataSource dataSource, string type, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(Query);
        command.Parameters.Add(new NpgsqlParameter { Value = type });
        var chain = new List<(string Domain, bool NotNull, bool Check, string BaseType, bool HasDefault)>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                chain.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetString(3), reader.GetBoolean(4)));
            }
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.UndefinedObject or PostgresErrorCodes.InvalidSchemaName
            or PostgresErrorCodes.SyntaxError or PostgresErrorCodes.InvalidParameterValue)
        {
            return null;
        }

        var declarer = chain.FindIndex(d => d.NotNull);
        if (declarer < 0)
        {
            declarer = chain.FindIndex(d => d.Check);
        }

        return declarer < 0
            ? null
            : new DomainConstraint(chain[0].Domain, chain[declarer].Domain, chain[declarer].NotNull, chain[0].HasDefault, chain[0].BaseType);
    }
}
