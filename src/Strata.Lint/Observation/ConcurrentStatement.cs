using System.Text.RegularExpressions;
using Npgsql;
using Strata.Core.Sql;

namespace Strata.Lint.Observation;

/// <summary>
/// Observes a statement that cannot run in a transaction (CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY):
/// a second connection holds a snapshot so the build must wait for it, reads the locks the statement holds and the
/// lock it waits for, then lets it finish; afterwards INVALID indexes are looked for.
/// </summary>
internal static partial class ConcurrentStatement
{
    private const int Polls = 100;

    public static bool Matches(string sql) => Concurrently().IsMatch(sql);

    public static async Task<StatementObservation> ObserveAsync(
        NpgsqlDataSource scratch, NpgsqlConnection connection, string file, SqlStatement statement, CatalogSnapshot baseline, CancellationToken cancellationToken)
    {
        var before = await CatalogSnapshot.ReadAsync(connection, connection.ProcessID, cancellationToken);
        await using var watcher = await scratch.OpenConnectionAsync(cancellationToken);
        await MigrationObserver.ExecuteAsync(watcher, "BEGIN ISOLATION LEVEL REPEATABLE READ", cancellationToken);
        await MigrationObserver.ExecuteAsync(watcher, "SELECT 1", cancellationToken);
        var running = MigrationObserver.TryExecuteAsync(connection, statement.Text, cancellationToken);
        var held = new HashSet<(uint Relation, string Mode, bool Granted)>();
        string? waitedFor = null;
        for (var poll = 0; poll < Polls && !running.IsCompleted && waitedFor is null; poll++)
        {
            held.UnionWith(await CatalogSnapshot.ReadLocksAsync(watcher, connection.ProcessID, cancellationToken));
            waitedFor = await AwaitedLockAsync(watcher, connection.ProcessID, cancellationToken);
            if (waitedFor is null)
            {
                await Task.Delay(10, cancellationToken);
            }
        }

        // The statement may have taken its locks between the last read of them and the read that found it waiting;
        // it keeps them while it waits for this snapshot, so read them once more before letting it go.
        held.UnionWith(await CatalogSnapshot.ReadLocksAsync(watcher, connection.ProcessID, cancellationToken));
        await MigrationObserver.ExecuteAsync(watcher, "COMMIT", cancellationToken);
        var failure = await running;
        var after = await CatalogSnapshot.ReadAsync(connection, connection.ProcessID, cancellationToken);
        var observation = ObservationDiff.Compare(file, statement, baseline, before, after with { Locks = held }, failure);
        return waitedFor is null ? observation : observation with { WaitedFor = waitedFor };
    }

    // pg_locks is read live; pg_stat_activity would be frozen for the watcher's transaction.
    private static async Task<string?> AwaitedLockAsync(NpgsqlConnection watcher, int pid, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT locktype FROM pg_locks WHERE pid = $1 AND NOT granted LIMIT 1", watcher);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    [GeneratedRegex(@"\bCONCURRENTLY\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Concurrently();
}
