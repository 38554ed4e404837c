using Npgsql;

namespace Strata.Core.Data;

/// <summary>Small helpers to send statements on a connection.</summary>
internal static class Db
{
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, int timeoutSeconds = 30)
    {
        await using var batch = new NpgsqlBatch(connection) { Timeout = timeoutSeconds };
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sends the statements in one round trip; without an explicit BEGIN they form one implicit transaction.</summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, IEnumerable<BoundSql> statements, CancellationToken cancellationToken) =>
        await ExecuteCheckedAsync(connection, statements, cancellationToken);

    /// <summary>
    /// Sends the statements as <see cref="ExecuteAsync(NpgsqlConnection, IEnumerable{BoundSql}, CancellationToken)"/>
    /// does; returns how many of those marked <see cref="BoundSql.ChangesARow"/> changed no row.
    /// </summary>
    public static async Task<int> ExecuteCheckedAsync(NpgsqlConnection connection, IEnumerable<BoundSql> statements, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        var checkedCommands = new List<NpgsqlBatchCommand>();
        foreach (var statement in statements)
        {
            var command = statement.ToBatchCommand();
            batch.BatchCommands.Add(command);
            if (statement.ChangesARow)
            {
                checkedCommands.Add(command);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        return checkedCommands.Count(c => c.RecordsAffected == 0);
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, BoundSql statement, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(statement.ToBatchCommand());
        return await batch.ExecuteScalarAsync(cancellationToken) is T value ? value : default;
    }
}
