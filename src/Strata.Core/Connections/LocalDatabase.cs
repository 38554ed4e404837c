using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Logging;

namespace Strata.Core.Connections;

/// <summary>Creates the local default's database on the local server when it does not exist yet.</summary>
internal static class LocalDatabase
{
    private const string MaintenanceDatabase = "postgres";

    public static async Task EnsureExistsAsync(ConnectionSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var admin = NpgsqlSettings.Build(
            settings with { Database = MaintenanceDatabase }, new DataSourceOptions { Pooling = false }, includePassword: false);
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            if (await ExistsAsync(connection, settings.Database, cancellationToken))
            {
                return;
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE {SqlText.Identifier(settings.Database)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            LogMessages.LocalDatabaseCreated(logger, settings.Database);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it between the check and the CREATE; that is the state we wanted.
        }
        catch (Exception ex) when (ConnectionFailures.Translate(ex, settings with { Database = MaintenanceDatabase }) is { } failure)
        {
            throw failure;
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string database, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = database });
        return await query.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
