using Npgsql;
using Strata.Core.Data;
using Strata.Core.History;
using Strata.Core.Migrations;

namespace Strata.Core.Execution.Batching;

/// <summary>Reads the progress rows of batched statements that have not finished, without creating the table.</summary>
internal static class BackfillProgressReader
{
    public static async Task<IReadOnlyList<BackfillProgress>> ReadAsync(
        NpgsqlConnection connection, BackfillProgressSql sql, MigrationVersion version, CancellationToken cancellationToken)
    {
        if (!await Db.ScalarAsync<bool>(connection, sql.Exists, cancellationToken))
        {
            return [];
        }

        await using var command = sql.ReadVersion(version).ToCommand(connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<BackfillProgress>();
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new BackfillProgress(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt64(5),
                reader.GetInt64(4),
                reader.GetInt64(6),
                reader.GetInt32(7)));
        }

        return found;
    }
}
