using Npgsql;

namespace Strata.Lint.Observation;

/// <summary>
/// The catalog state a statement is judged by, read before and after it on the same backend: user tables and their
/// relfilenodes, this transaction's scan and row counters, this backend's table locks, and INVALID indexes.
/// </summary>
internal sealed record CatalogSnapshot(
    IReadOnlyDictionary<uint, (string Name, uint FileNode)> Tables,
    IReadOnlyDictionary<uint, (long SeqScans, long RowsTouched)> Counters,
    IReadOnlySet<(uint Relation, string Mode, bool Granted)> Locks,
    IReadOnlySet<string> InvalidIndexes)
{
    /// <summary>
    /// The user indexes, each with its name and its table's oid: a lock on one is a lock on its table's traffic. Read
    /// for the baseline only (<see cref="ReadBaselineAsync"/>), which is where the indexes that existed are looked up.
    /// </summary>
    public IReadOnlyDictionary<uint, (string Name, uint Table)> Indexes { get; init; } = new Dictionary<uint, (string, uint)>();

    private const string UserRelations = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private const string TablesSql = $"""
        SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relfilenode
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm', 'p') AND {UserRelations}
        """;

    private const string IndexesSql = $"""
        SELECT i.indexrelid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), i.indrelid
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {UserRelations}
        """;

    // The xact functions read this backend's pending counters directly, so they are current within the transaction.
    private const string CountersSql = "SELECT relid, coalesce(seq_scan, 0), n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables";

    private const string LocksSql = "SELECT l.relation, l.mode, l.granted FROM pg_locks l WHERE l.pid = $1 AND l.locktype = 'relation' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

    private const string InvalidSql = $"""
        SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT i.indisvalid AND {UserRelations}
        """;

    /// <summary>Reads the state on <paramref name="connection"/>, with the locks held by backend <paramref name="pid"/>.</summary>
    public static async Task<CatalogSnapshot> ReadAsync(NpgsqlConnection connection, int pid, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<uint, (string, uint)>();
        await ReadAsync(connection, TablesSql, null, r => tables[r.GetFieldValue<uint>(0)] = (r.GetString(1), r.GetFieldValue<uint>(2)), cancellationToken);
        var counters = new Dictionary<uint, (long, long)>();
        await ReadAsync(connection, CountersSql, null, r => counters[r.GetFieldValue<uint>(0)] = (r.GetInt64(1), r.GetInt64(2)), cancellationToken);
        var locks = new HashSet<(uint, string, bool)>();
        await ReadAsync(connection, LocksSql, pid, r => locks.Add((r.GetFieldValue<uint>(0), r.GetString(1), r.GetBoolean(2))), cancellationToken);
        var invalid = new HashSet<string>(StringComparer.Ordinal);
        await ReadAsync(connection, InvalidSql, null, r => invalid.Add(r.GetString(0)), cancellationToken);
        return new CatalogSnapshot(tables, counters, locks, invalid);
    }

    /// <summary>The state before a migration, which its statements are judged against, with the indexes that existed.</summary>
    public static async Task<CatalogSnapshot> ReadBaselineAsync(NpgsqlConnection connection, int pid, CancellationToken cancellationToken)
    {
        var snapshot = await ReadAsync(connection, pid, cancellationToken);
        var indexes = new Dictionary<uint, (string, uint)>();
        await ReadAsync(connection, IndexesSql, null, r => indexes[r.GetFieldValue<uint>(0)] = (r.GetString(1), r.GetFieldValue<uint>(2)), cancellationToken);
        return snapshot with { Indexes = indexes };
    }

    /// <summary>Only this backend's locks, for a statement that runs while another connection watches.</summary>
    public static async Task<IReadOnlySet<(uint Relation, string Mode, bool Granted)>> ReadLocksAsync(NpgsqlConnection connection, int pid, CancellationToken cancellationToken)
    {
        var locks = new HashSet<(uint, string, bool)>();
        await ReadAsync(connection, LocksSql, pid, r => locks.Add((r.GetFieldValue<uint>(0), r.GetString(1), r.GetBoolean(2))), cancellationToken);
        return locks;
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, int? pid, Action<NpgsqlDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (pid is { } value)
        {
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }
}
