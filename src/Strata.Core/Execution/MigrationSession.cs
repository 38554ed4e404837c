using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Adoption;
using Strata.Core.Configuration;
using Strata.Core.Diagnostics;
using Strata.Core.History;
using Strata.Core.Locking;

namespace Strata.Core.Execution;

/// <summary>
/// A unit of work under the migration lock: the lock, the history as read after the lock was taken (so runners that
/// queued behind another see what it applied), and a work connection opened only when something must be written, so
/// a run with nothing to do needs a single connection.
/// </summary>
internal sealed class MigrationSession : IAsyncDisposable
{
    private readonly MigrationLock _lock;
    private readonly NpgsqlDataSource _dataSource;
    private readonly HistoryStore _store;
    private readonly bool _tableExists;
    private NpgsqlConnection? _connection;

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

    public static async Task<MigrationSession> OpenAsync(
        NpgsqlDataSource dataSource, HistoryStore history, MigratorOptions options, ILogger logger, AdoptionGuard? guard, Func<IReadOnlyList<HistoryRecord>?, Task>? filesReady, CancellationToken cancellationToken)
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
            if (filesReady is not null)
            {
                // Nothing is written before the migration files that may run have been read and split without error.
                await filesReady(records);
            }

            if (guard is not null && records is null or { Count: 0 })
            {
                // Only reads, on the lock's connection, before the history table is created or changed, so a refused
                // run changes nothing.
                await guard.CheckAsync(migrationLock.Connection, cancellationToken);
            }

            if (records is null)
            {
                await session.ConnectionAsync(cancellationToken);
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
            NpgsqlConnection connection;
            using (TimingTrace.Measure("connect (work connection)"))
            {
                connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            }

            try
            {
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

        await _lock.DisposeAsync();
    }
}
