using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Adoption;
using Strata.Core.Configuration;
using Strata.Core.History;
using Strata.Core.Locking;

namespace Strata.Core.Execution;

/// <summary>
/// A unit of work under the migration lock: the lock, a work connection, and the history as read after the lock was
/// taken (so runners that queued behind another see what it applied).
/// </summary>
internal sealed class MigrationSession : IAsyncDisposable
{
    private readonly MigrationLock _lock;

    private MigrationSession(MigrationLock migrationLock, NpgsqlConnection connection, IReadOnlyList<HistoryRecord> history)
    {
        _lock = migrationLock;
        Connection = connection;
        History = history;
    }

    public NpgsqlConnection Connection { get; }

    public IReadOnlyList<HistoryRecord> History { get; }

    public int ServerMajorVersion => Connection.PostgreSqlVersion.Major;

    public static async Task<MigrationSession> OpenAsync(
        NpgsqlDataSource dataSource, HistoryStore history, MigratorOptions options, ILogger logger, AdoptionGuard? guard, CancellationToken cancellationToken)
    {
        var migrationLock = await MigrationLock.AcquireAsync(
            dataSource, history.Table, LockWait.From(options), logger, cancellationToken);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var records = await history.TryLoadAsync(connection, cancellationToken);
            if (guard is not null && records is null or { Count: 0 })
            {
                // Before the history table is created, so a refused run changes nothing.
                await guard.CheckAsync(connection, cancellationToken);
            }

            await history.PrepareAsync(connection, records is not null, cancellationToken);
            return new MigrationSession(migrationLock, connection, records ?? []);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            await migrationLock.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await _lock.DisposeAsync();
    }
}
