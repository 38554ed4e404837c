using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Adoption;
using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.Diagnostics;
using Strata.Core.History;
using Strata.Core.Locking;

namespace Strata.Core.Execution;

/// <summary>
/// A unit of work under the migration lock: the lock, the history as read after the lock was taken (so runners that
/// queued behind another see what it applied), and a work connection opened only when something may be written, so
/// a run with nothing to do needs a single connection. When the history shows files to run, the work connection is
/// opened while the remaining checks run on the lock's connection and the plan is made, not after them.
/// </summary>
internal sealed class MigrationSession : IAsyncDisposable
{
    private readonly MigrationLock _lock;
    private readonly NpgsqlDataSource _dataSource;
    private readonly HistoryStore _store;
    private readonly bool _tableExists;
    private NpgsqlConnection? _connection;
    private Task<NpgsqlConnection>? _opening;

    private MigrationSession(MigrationLock migrationLock, NpgsqlDataSource dataSource, HistoryStore store, IReadOnlyList<HistoryRecord>? history)
    {
        _lock = migrationLock;
        _dataSource = dataSource;
        _store = store;
        _tableExists = history is not null;
        History = history ?? [];
    }

    public IReadOnlyList<HistoryRecord> History { get; }

    public int ServerMajorVersion => _lock.Connection.PostgreSqlVersion.Major;

    /// <summary>
    /// Whether the history table did not exist when the session read it. It is created by the first
    /// <see cref="ConnectionAsync"/>, which a command calls only once its checks have passed and it is about to write, so
    /// a refused command leaves the database as it found it.
    /// </summary>
    public bool HistoryTableMissing => !_tableExists;

    /// <summary>The lock's connection, for reads under the lock before anything is written; never for writes.</summary>
    public NpgsqlConnection ReadConnection => _lock.Connection;

    /// <inheritdoc cref="MigrationLock.EnsureHeldAsync"/>
    public Task EnsureLockHeldAsync(string state, IReadOnlyList<Errors.NextStep> nextSteps, CancellationToken cancellationToken) =>
        _lock.EnsureHeldAsync(state, nextSteps, cancellationToken);

    /// <inheritdoc cref="MigrationLock.EnsureHeldRecentlyAsync"/>
    public Task EnsureLockHeldRecentlyAsync(string state, IReadOnlyList<Errors.NextStep> nextSteps, CancellationToken cancellationToken) =>
        _lock.EnsureHeldRecentlyAsync(state, nextSteps, cancellationToken);

    public static async Task<MigrationSession> OpenAsync(
        NpgsqlDataSource dataSource, HistoryStore history, MigratorOptions options, ILogger logger, AdoptionGuard? guard,
        Func<IReadOnlyList<HistoryRecord>?, Task<bool>>? filesReady, CancellationToken cancellationToken)
    {
        var migrationLock = await MigrationLock.AcquireAsync(
            dataSource, history.Table, LockWait.From(options), logger, cancellationToken);
        MigrationSession? session = null;
        try
        {
            IReadOnlyList<HistoryRecord>? records;
            using (TimingTrace.Measure("history read"))
            {
                // A single read outside any transaction: the lock's connection serves, and nothing else is opened yet.
                records = await history.TryLoadAsync(migrationLock.Connection, cancellationToken);
            }

            session = new MigrationSession(migrationLock, dataSource, history, records);
            // Nothing is written before the migration files that may run have been read and split without error.
            var filesToRun = filesReady is null || await filesReady(records);
            if (records is null || filesToRun)
            {
                session.StartConnecting(cancellationToken);
            }

            if (guard is not null && records is null or { Count: 0 })
            {
                // Only reads, on the lock's connection, before the history table is created or changed, so a refused
                // run changes nothing.
                using var timing = TimingTrace.Measure("adoption check (another tool's history?)");
                await guard.CheckAsync(migrationLock.Connection, cancellationToken);
            }

            return session;
        }
        catch
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
            else
            {
                await migrationLock.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// The connection migrations and bookkeeping run on, opened on first use, when the history table is made ready
    /// for this version's rows (created, or given the columns an older version did not write).
    /// </summary>
    public async ValueTask<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var opening = _opening ?? OpenAsync(cancellationToken);
            _opening = null;
            var connection = await opening;
            try
            {
                using var timing = TimingTrace.Measure("history table (create or upgrade)");
                await _store.PrepareAsync(connection, _tableExists, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            _connection = connection;
        }

        return _connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_opening is { } opening)
        {
            // Opened early for a run that stopped before writing (refused, or its plan was empty); nothing ran on it.
            _opening = null;
            try
            {
                await (await opening).DisposeAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                // The run already has its own outcome; a connection that could not be opened changes nothing.
            }
        }

        await _lock.DisposeAsync();
    }

    // Starts opening the work connection now, so its round trips overlap the checks and planning still to come.
    private void StartConnecting(CancellationToken cancellationToken) => _opening = OpenAsync(cancellationToken);

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        using var timing = TimingTrace.Measure("connect (work connection)");
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await Db.ExecuteAsync(connection, [StepSql.WatchClient], cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }
}
