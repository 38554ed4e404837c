using Npgsql;

namespace Strata.Lint.Tests.Corpus;

/// <summary>
/// Runs a corpus case on the reference database, which has rows, the way up would, and says what PostgreSQL did
/// to the tables that existed before it: rewrote one, scanned one under a lock that blocks the application's
/// traffic, failed, or none of these. A transactional case is rolled back.
/// </summary>
public static class CorpusOracle
{
    private const string Tables = "SELECT c.oid, 'public.' || c.relname, c.relfilenode FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'm')";

    public static async Task<string> ObserveAsync(NpgsqlConnection connection, CorpusCase corpusCase)
    {
        var before = await ReadAsync(connection, Tables, r => (r.GetFieldValue<uint>(0), r.GetString(1), r.GetFieldValue<uint>(2)));
        if (!corpusCase.Transactional)
        {
            foreach (var statement in corpusCase.Statements)
            {
                if (await FailureAsync(connection, statement) is { } failed)
                {
                    return "fails " + failed;
                }
            }

            return Rewritten(before, await ReadAsync(connection, Tables, r => (r.GetFieldValue<uint>(0), r.GetString(1), r.GetFieldValue<uint>(2)))) is { } table ? "rewrite " + table : "none";
        }

        await using var transaction = await connection.BeginTransactionAsync();
        var scansBefore = await ScansAsync(connection);
        var failure = await FailureAsync(connection, string.Join('\n', corpusCase.Statements));
        if (failure is not null)
        {
            return "fails " + failure;
        }

        var after = await ReadAsync(connection, Tables, r => (r.GetFieldValue<uint>(0), r.GetString(1), r.GetFieldValue<uint>(2)));
        var scansAfter = await ScansAsync(connection);
        var blocking = await ReadAsync(connection,
            "SELECT relation FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND mode IN ('ShareLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')",
            r => r.GetFieldValue<uint>(0));
        await transaction.RollbackAsync();
        if (Rewritten(before, after) is { } rewritten)
        {
            return "rewrite " + rewritten;
        }

        var scanned = before
            .Where(t => blocking.Contains(t.Item1) && scansAfter.GetValueOrDefault(t.Item1) > scansBefore.GetValueOrDefault(t.Item1))
            .Select(t => t.Item2).Order(StringComparer.Ordinal).FirstOrDefault();
        return scanned is null ? "none" : "scan " + scanned;
    }

    private static string? Rewritten(List<(uint Oid, string Name, uint FileNode)> before, List<(uint Oid, string Name, uint FileNode)> after) =>
        before.Where(b => after.Any(a => a.Oid == b.Oid && a.FileNode != b.FileNode)).Select(b => b.Name).Order(StringComparer.Ordinal).FirstOrDefault();

    private static async Task<Dictionary<uint, long>> ScansAsync(NpgsqlConnection connection) =>
        (await ReadAsync(connection, "SELECT relid, coalesce(seq_scan, 0) FROM pg_stat_xact_user_tables", r => (r.GetFieldValue<uint>(0), r.GetInt64(1))))
        .ToDictionary(p => p.Item1, p => p.Item2);

    private static async Task<string?> FailureAsync(NpgsqlConnection connection, string sql)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException error)
        {
            return error.SqlState;
        }
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> row)
    {
        var rows = new List<T>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
