using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.Diagnostics;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Locking;

/// <summary>
/// The session-level advisory lock that lets one Strata run at a time work on a database's migrations. It lives on
/// its own connection that never opens a transaction, and is taken by polling <c>pg_try_advisory_lock</c>: a waiter
/// blocked inside <c>pg_advisory_lock</c> holds a snapshot, which <c>CREATE INDEX CONCURRENTLY</c> run by the holder
/// waits for, and the two deadlock. Disposing releases it; if the connection is gone, the server already has.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    private readonly long _key;

    // When the server last confirmed the lock (acquiring it counts); see EnsureHeldRecentlyAsync.
    private readonly Stopwatch _sinceConfirmed = Stopwatch.StartNew();
    private readonly ILogger _logger;

    private MigrationLock(NpgsqlConnection connection, long key, ILogger logger)
    {
        _connection = connection;
        _key = key;
        _logger = logger;
    }

    public static async Task<MigrationLock> AcquireAsync(
        NpgsqlDataSource dataSource, HistoryTableName table, LockWait wait, ILogger logger, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        using (TimingTrace.Measure("connect (lock connection)"))
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await KeepIdleSessionAsync(connection, cancellationToken);
            using var timing = TimingTrace.Measure("migration lock");
            var (database, key, acquired) = await LockProbe.FirstAttemptAsync(connection, table, cancellationToken);
            await WaitAsync(new LockProbe(connection, key), database, table, wait, acquired, logger, cancellationToken);
            return new MigrationLock(connection, key, logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Throws when the lock is no longer held: its connection ended (killed, or ended by a server setting), so another
    /// run may have taken it. Checked before each migration and before a <c>transaction:false</c> section is recorded.
    /// </summary>
    /// <param name="state">What the run leaves behind if it stops here, for the message.</param>
    /// <param name="nextSteps">What to do then.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public async Task EnsureHeldAsync(string state, IReadOnlyList<NextStep> nextSteps, CancellationToken cancellationToken)
    {
        string? reason = null;
        try
        {
            if (_connection.State != System.Data.ConnectionState.Open)
            {
                reason = "its connection is closed";
            }
            else if (!await new LockProbe(_connection, _key).IsHeldAsync(cancellationToken))
            {
                reason = "its session no longer holds it";
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            reason = $"its connection ended: {ServerErrorText.OneLine(ex.Message)}";
        }

        if (reason is null)
        {
            _sinceConfirmed.Restart();
            return;
        }

        throw new LockNotAcquiredException(
            $"The migration lock (advisory key {_key}) was lost while this run held it ({reason}), so another run may " +
            $"be migrating the database now; stopped: {state}.")
        {
            NextSteps = nextSteps,
        };
    }

    /// <summary>
    /// As <see cref="EnsureHeldAsync"/>, but asks the server at most once a second: before a transactional migration,
    /// whose history row (inserted in its transaction, under the table's primary key) already stops a second run from
    /// applying it too, so a run of many small migrations does not pay a round trip for each.
    /// </summary>
    /// <param name="state">What the run leaves behind if it stops here, for the message.</param>
    /// <param name="nextSteps">What to do then.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public Task EnsureHeldRecentlyAsync(string state, IReadOnlyList<NextStep> nextSteps, CancellationToken cancellationToken) =>
        _sinceConfirmed.Elapsed < RecheckAfter && _connection.State == System.Data.ConnectionState.Open
            ? Task.CompletedTask
            : EnsureHeldAsync(state, nextSteps, cancellationToken);

    /// <summary>
    /// The connection holding the lock. It may run single reads outside any transaction (the history read), which
    /// saves a run with nothing to do a second connection; it never opens a transaction.
    /// </summary>
    public NpgsqlConnection Connection => _connection;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection.State != System.Data.ConnectionState.Open)
            {
                // The session ended (killed, or ended by the server), and the server released the lock with it.
                _logger.MigrationLockNotHeldAtRelease(_key);
            }
            else if (await new LockProbe(_connection, _key).ReleaseAsync(CancellationToken.None))
            {
                _logger.MigrationLockReleased(_key);
            }
            else
            {
                _logger.MigrationLockNotHeldAtRelease(_key);
            }
        }
        catch (NpgsqlException ex)
        {
            _logger.MigrationLockReleaseFailed(_key, ex.Message);
            // A connection whose unlock failed must not go back to the pool still holding the lock.
            NpgsqlConnection.ClearPool(_connection);
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    // The lock's connection sits idle while migrations run on another one: a server or role setting that ends idle
    // sessions (idle_session_timeout, PostgreSQL 14 and later) would end it, and release the lock, mid-run.
    private static async Task KeepIdleSessionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (connection.PostgreSqlVersion.Major >= 14)
        {
            await Db.ExecuteAsync(connection, "SET idle_session_timeout = 0", cancellationToken);
        }
    }

    private static async Task WaitAsync(
        LockProbe probe, string database, HistoryTableName table, LockWait wait, bool acquired, ILogger logger, CancellationToken cancellationToken)
    {
        logger.AcquiringMigrationLock(database, table.ToString(), probe.Key);
        var clock = Stopwatch.StartNew();
        var nextReport = TimeSpan.Zero;
        LockHolder? holder = null;
        while (!acquired && !await probe.TryAcquireAsync(cancellationToken))
        {
            if (clock.Elapsed >= nextReport)
            {
                holder = await probe.FindHolderAsync(cancellationToken);
                logger.WaitingForMigrationLock(database, holder?.ToString() ?? "a session that just released it", clock.Elapsed.TotalMilliseconds);
                nextReport = clock.Elapsed + wait.ReportInterval;
            }

            if (clock.Elapsed >= wait.Limit)
            {
                throw new LockNotAcquiredException(
                    $"The migration lock of database '{database}' (history table {table}) is held by another session " +
                    $"({holder?.ToString() ?? "which could not be identified"}); gave up after {Durations.Format(wait.Limit)}: " +
                    "wait for that run to finish, or allow a longer advisory lock wait.")
                {
                    NextSteps = [new NextStep(NextStepKind.RaiseLockWait, Value: Durations.Format(wait.Longer))],
                };
            }

            await Task.Delay(Jittered(wait.PollInterval), cancellationToken);
        }

        logger.MigrationLockAcquired(database, probe.Key, clock.Elapsed.TotalMilliseconds);
    }

    // Spreads the polls of runners that started together.
#pragma warning disable CA5394
    private static TimeSpan Jittered(TimeSpan interval) => interval * (0.75 + (Random.Shared.NextDouble() / 2));
#pragma warning restore CA5394
}
