using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Logging;
using Strata.Core.Secrets;

namespace Strata.Core.History;

/// <summary>Reads the history table, creates it on first use, and runs bookkeeping statements.</summary>
internal sealed class HistoryStore(HistoryTableName table, ILogger logger)
{
    public HistoryTableName Table { get; } = table;

    public HistorySql Sql { get; } = new(table);

    /// <summary>Loads every row with one query, or returns null when the table does not exist yet.</summary>
    public async Task<IReadOnlyList<HistoryRecord>?> TryLoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                return await ReadAsync(connection, Sql.SelectAll, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedColumn)
            {
                // A table an older version created has no phase column until a run that writes adds it; read-only
                // commands read it as it is (the reads run outside any transaction, so the failed one spoils nothing).
                return await ReadAsync(connection, Sql.SelectAllWithoutPhase, cancellationToken);
            }
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
        catch (PostgresException ex) when (HistoryRefusal.IsRefusal(ex))
        {
            throw HistoryRefusal.Read(Table, ex);
        }
    }

    private async Task<IReadOnlyList<HistoryRecord>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new HistoryRowReader(Table);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Read(reader);
        }

        return rows.Checked();
    }

    public Task ExecuteAsync(NpgsqlConnection connection, BoundSql statement, CancellationToken cancellationToken) =>
        Db.ExecuteAsync(connection, [statement], cancellationToken);

    public Task ExecuteAsync(NpgsqlConnection connection, IEnumerable<BoundSql> statements, CancellationToken cancellationToken) =>
        Db.ExecuteAsync(connection, statements, cancellationToken);

    public Task<bool> SchemaExistsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Db.ScalarAsync<bool>(connection, new BoundSql("SELECT EXISTS (SELECT FROM pg_namespace WHERE nspname = $1)", Table.Schema), cancellationToken);

    /// <summary>Whether the existing table has the phase column (a table an older version created does not).</summary>
    public Task<bool> HasPhaseColumnAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Db.ScalarAsync<bool>(connection, Sql.HasPhaseColumn, cancellationToken);

    /// <summary>
    /// Makes the table ready for the rows this version writes: creates it when it does not exist, and adds the columns
    /// newer versions write (the phase) to a table an older version created. Transactional; runs under the migration lock.
    /// </summary>
    public async Task PrepareAsync(NpgsqlConnection connection, bool exists, CancellationToken cancellationToken)
    {
        if (!exists)
        {
            await CreateAsync(connection, cancellationToken);
            return;
        }

        if (await HasPhaseColumnAsync(connection, cancellationToken))
        {
            return;
        }

        try
        {
            await Db.ExecuteAsync(connection, Sql.AddPhaseColumn, cancellationToken);
            logger.HistoryTableUpgraded(Table.ToString(), "phase");
        }
        catch (PostgresException ex) when (!ConnectionErrors.IsConnectionFailure(ex))
        {
            throw new ConfigurationException(
                $"Could not add the phase column to the history table {Table}: {ex.SqlState} {SecretRedactor.Redact(ex.MessageText)}; {Fix(ex)}.", ex);
        }
    }

    /// <summary>Creates the schema (when missing) and the table; transactional, so adopt creates it in its own transaction.</summary>
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
            await Db.ExecuteAsync(connection, Sql.KeepWritesToOwner, cancellationToken);
            logger.HistoryTableCreated(Table.ToString());
        }
        catch (PostgresException ex) when (!ConnectionErrors.IsConnectionFailure(ex))
        {
            throw new ConfigurationException($"Could not create the history table {Table}: {ex.SqlState} {SecretRedactor.Redact(ex.MessageText)}; {Fix(ex)}.", ex);
        }
    }

    private static string Fix(PostgresException ex) =>
        ServerErrorText.HintFor(ex, "grant the migration role CREATE on the schema (and ownership of the history table), or configure a history schema it may create tables in")!;
}
