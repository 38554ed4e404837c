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
    public static async Task ExecuteAsync(NpgsqlConnection connection, IEnumerable<BoundSql> statements, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement.ToBatchCommand());
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, BoundSql statement, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(statement.ToBatchCommand());
        return await batch.ExecuteScalarAsync(cancellationToken) is T value ? value : default;
    }
}
