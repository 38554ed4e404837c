using Npgsql;
using Strata.Core.History;

namespace Strata.Core.Lifecycle;

/// <summary><c>db info</c>: the server version, size, table count and migration state of the target database.</summary>
internal static class InfoReader
{
    public static async Task<DatabaseInfo> RunAsync(LifecycleContext context, CancellationToken cancellationToken)
    {
        await using var dataSource = await context.OpenTargetAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT current_database(), current_setting('server_version'), pg_database_size(current_database()), pg_size_pretty(pg_database_size(current_database()))",
            connection);
        string database, version, size;
        long bytes;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (database, version, bytes, size) = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3));
        }

        var tables = await Catalog.UserTableCountAsync(connection, cancellationToken);
        var table = context.HistoryTable;
        var history = await HistorySummary.ReadAsync(connection, table, cancellationToken);
        return new DatabaseInfo(
            database, LifecycleContext.ServerOf(connection), version, bytes, size, tables, table.ToString(), history.Exists, history.Version, history.Applied);
    }
}
