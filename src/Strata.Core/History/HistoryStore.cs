using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Errors;
using Strata.Core.Execution;
using Strata.Core.Logging;
using Strata.Core.Migrations;
using Strata.Core.Secrets;

namespace Strata.Core.History;

/// <summary>Reads the history table, creates it on first use, and runs bookkeeping statements.</summary>
internal sealed class HistoryStore(HistoryTableName table, ILogger logger)
{
    public HistoryTableName Table { get; } = table;

    public HistorySql Sql { get; } = new(table, ClientInfo.Current);

    /// <summary>Loads every row with one query, or returns null when the table does not exist yet.</summary>
    public async Task<IReadOnlyList<HistoryRecord>?> TryLoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(Sql.SelectAll, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var records = new List<HistoryRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(Read(reader));
            }

            return records;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
        catch (PostgresException ex) when (!ConnectionErrors.IsConnectionFailure(ex))
        {
            throw new ConfigurationException(
                $"Could not read the history table {Table}: {ex.SqlState} {SecretRedactor.Redact(ex.MessageText)}; " +
                "grant the role access to it, or check that the configured history table is the one Strata created.",
                ex);
        }
    }

    /// <summary>Loads the history, creating the schema and table first when they are missing.</summary>
    /// <remarks>Callers hold the migration lock, so two Strata runs never race to create the table.</remarks>
    public async Task<IReadOnlyList<HistoryRecord>> EnsureAndLoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (await TryLoadAsync(connection, cancellationToken) is { } records)
        {
            return records;
        }

        await CreateAsync(connection, cancellationToken);
        return [];
    }

    public Task ExecuteAsync(NpgsqlConnection connection, BoundSql statement, CancellationToken cancellationToken) =>
        Db.ExecuteAsync(connection, [statement], cancellationToken);

    public Task ExecuteAsync(NpgsqlConnection connection, IEnumerable<BoundSql> statements, CancellationToken cancellationToken) =>
        Db.ExecuteAsync(connection, statements, cancellationToken);

    public Task<bool> SchemaExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Db.ScalarAsync<bool>(connection, new BoundSql("SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = $1)", Table.Schema), cancellationToken);

    private async Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            // CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists, so it only runs when needed.
            if (!await SchemaExistsAsync(connection, cancellationToken))
            {
                await Db.ExecuteAsync(connection, Sql.CreateSchema, cancellationToken);
            }

            await Db.ExecuteAsync(connection, Sql.CreateTable, cancellationToken);
            logger.HistoryTableCreated(Table.ToString());
        }
        catch (PostgresException ex) when (!ConnectionErrors.IsConnectionFailure(ex))
        {
            throw new ConfigurationException(
                $"Could not create the history table {Table}: {ex.SqlState} {SecretRedactor.Redact(ex.MessageText)}; " +
                "grant the migration role CREATE on the schema, or configure a history schema it may create tables in.",
                ex);
        }
    }

    private static HistoryRecord Read(NpgsqlDataReader reader)
    {
        var elapsed = reader.IsDBNull(11) ? (long?)null : reader.GetInt64(11);
        return new HistoryRecord(
            MigrationVersion.Parse(reader.GetString(0)),
            reader.GetString(1),
            new MigrationChecksum(reader.GetString(3), reader.GetString(2)),
            HistoryCodes.ParseStatus(reader.GetString(4)),
            reader.GetInt32(5),
            reader.GetInt32(6),
            reader.GetFieldValue<DateTimeOffset>(7),
            reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.GetString(10),
            elapsed is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            HistoryCodes.ParseOrigin(reader.GetString(12)));
    }
}
