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
    private NpgsqlConnection? _connection;

    private MigrationSession(MigrationLock migrationLock, NpgsqlDataSource dataSource, IReadOnlyList<HistoryRecord> history)
    {
        _lock = migrationLock;
        _dataSource = dataSource;
        History = history;
    }

    public IReadOnlyList<HistoryRecord> History { get; }

    public int ServerMajorVersion => _lock.Connection.PostgreSqlVersion.Major;

    public static async Task<MigrationSession> OpenAsync(
        NpgsqlDataSource dataSource, HistoryStore history, MigratorOptions options, ILogger logger, AdoptionGuard? guard, Task? filesRead, CancellationToken cancellationToken)
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

            session = new MigrationSession(migrationLock, dataSource, records ?? []);
            if (filesRead is not null)
            {
                // Nothing is written before the migration files have been read without error.
                await filesRead;
            }

            if (guard is not null && records is null or { Count: 0 })
            {
                // Before the history table is created, so a refused run changes nothing.
                await guard.CheckAsync(await session.ConnectionAsync(cancellationToken), cancellationToken);
            }

            if (records is null)
            {
                await history.CreateAsync(await session.ConnectionAsync(cancellationToken), cancellationToken);
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

    /// <summary>The connection migrations and bookkeeping run on, opened on first use.</summary>
    public async ValueTask<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            using var timing = TimingTrace.Measure("connect (work connection)");
            _connection = await _dataSource.OpenConnectionAsync(cancellationToken);
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
