using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.Migrations;

namespace Strata.Core.History;

/// <summary>Every statement Strata runs against the history table. See docs/history-table.md.</summary>
internal sealed class HistorySql(HistoryTableName table)
{
    private const string Columns =
        "version, description, checksum, checksum_algorithm, status, statements_completed, statements_total, " +
        "applied_at, applied_by, client_host, strata_version, execution_time_ms, origin, phase";

    // What a read selects before the phase: tables written before phases existed have no phase column until a run that
    // writes adds it, so a read that must not change the table selects NULL in its place (SelectAllWithoutPhase).
    private const string SelectColumns =
        "version, description, checksum, checksum_algorithm, status, statements_completed, statements_total, " +
        "applied_at, applied_by, client_host, strata_version, execution_time_ms, origin";

    private const string PhaseColumn = "phase text NOT NULL DEFAULT 'pre' CHECK (phase IN ('pre', 'post'))";

    // Measured by the server from the start of the migration's transaction to the history insert at its end.
    private const string TransactionElapsedMs = "round(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint";

    private readonly string _t = table.Quoted;

    // Who writes a row: looked up on the first write, so a run that only reads never asks for the host name.
    private static ClientInfo Client => ClientInfo.Current;

    /// <summary>The statements of the history table's backfill progress companion.</summary>
    public BackfillProgressSql Backfill { get; } = new(table);

    /// <summary>The history table's name.</summary>
    public HistoryTableName Table => table;

    public string CreateSchema => $"CREATE SCHEMA IF NOT EXISTS {SqlText.Identifier(table.Schema)}";

    public string CreateTable => $"""
        CREATE TABLE IF NOT EXISTS {_t} (
            version              text        PRIMARY KEY CHECK (version ~ '^[0-9]+$'),
            description          text        NOT NULL,
            checksum             text        NOT NULL,
            checksum_algorithm   text        NOT NULL,
            status               text        NOT NULL CHECK (status IN ('applied', 'running', 'reverting')),
            statements_completed integer     NOT NULL,
            statements_total     integer     NOT NULL,
            applied_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
            applied_by           text        NOT NULL DEFAULT current_user,
            client_host          text,
            strata_version       text        NOT NULL,
            execution_time_ms    bigint,
            origin               text        NOT NULL CHECK (origin IN ('run', 'stamp', 'baseline', 'repair', 'edited-accepted')),
            {PhaseColumn}
        )
        """;

    /// <summary>After <see cref="CreateTable"/>: only Strata writes the table (<see cref="OwnerOnlyWrites"/>).</summary>
    public string KeepWritesToOwner => OwnerOnlyWrites.Statement(_t);

    public string SelectAll => Select("phase");

    /// <summary>
    /// Every row of a table an older version created, before the phase column was added: every such row is pre-deploy.
    /// </summary>
    public string SelectAllWithoutPhase => Select("NULL::text");

    private string Select(string phase) => $"SELECT {SelectColumns}, {phase} FROM {_t} ORDER BY applied_at, length(version), version COLLATE \"C\"";

    /// <summary>Whether the table has the phase column (tables written before phases existed do not).</summary>
    public BoundSql HasPhaseColumn => new(
        "SELECT EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'phase' AND NOT attisdropped)",
        table.Quoted);

    /// <summary>Adds the phase column to a table written before phases existed; metadata only, every old row is pre-deploy.</summary>
    public string AddPhaseColumn => $"ALTER TABLE {_t} ADD COLUMN IF NOT EXISTS {PhaseColumn}";

    /// <summary>The row a transactional migration writes in its own transaction.</summary>
    public BoundSql InsertRun(Migration migration) => Insert(migration, HistoryCodes.Applied, migration.Up.Statements.Count, TransactionElapsedMs, HistoryOrigin.Run);

    /// <summary>The row of a migration recorded without running (stamp, baseline).</summary>
    public BoundSql InsertRecorded(Migration migration, HistoryOrigin origin) => Insert(migration, HistoryCodes.Applied, migration.Up.Statements.Count, "NULL", origin);

    /// <summary>The row of a migration another tool applied, imported by adopt (<paramref name="appliedAt"/> null: now).</summary>
    public BoundSql InsertAdopted(Migration migration, string appliedBy, DateTimeOffset? appliedAt) => new(
        $"INSERT INTO {_t} ({Columns}) VALUES ($1, $2, $3, $4, '{HistoryCodes.Applied}', $5, $5, COALESCE($6::timestamptz, clock_timestamp()), $7, $8, $9, " +
        $"NULL, '{HistoryCodes.Of(HistoryOrigin.Baseline)}', $10)",
        migration.Version.Value,
        migration.Description,
        migration.Checksum.Hash,
        migration.Checksum.Algorithm,
        migration.Up.Statements.Count,
        appliedAt?.ToUniversalTime(),
        appliedBy,
        Client.Host,
        Client.StrataVersion,
        HistoryCodes.Of(migration.Phase));

    /// <summary>The row a <c>transaction:false</c> migration writes before its first statement.</summary>
    public BoundSql InsertRunning(Migration migration) => Insert(migration, HistoryCodes.Running, 0, "NULL", HistoryOrigin.Run);

    public BoundSql Progress(MigrationVersion version, int completed) =>
        new($"UPDATE {_t} SET statements_completed = $2 WHERE version = $1", version.Value, completed) { ChangesARow = true };

    public BoundSql FinishRunning(MigrationVersion version) => new(
        $"UPDATE {_t} SET status = 'applied', statements_completed = statements_total, " +
        "execution_time_ms = round(extract(epoch FROM clock_timestamp() - applied_at) * 1000)::bigint, " +
        "applied_at = clock_timestamp() WHERE version = $1 AND status = 'running'",
        version.Value)
    {
        ChangesARow = true,
    };

    /// <summary>
    /// A <c>transaction:false</c> down section starts: the row records the checksum of the file it runs from (a file
    /// edited after it was applied, with edits allowed), so that repair compares an interrupted attempt with the file
    /// it ran, not the one applied long before.
    /// </summary>
    /// <remarks>
    /// Its applied_at becomes the time the section started, as for a running row; down deletes the row when it ends.
    /// </remarks>
    public BoundSql StartReverting(Migration migration, int total) => new(
        $"UPDATE {_t} SET status = 'reverting', statements_completed = 0, statements_total = $2, checksum = $3, checksum_algorithm = $4, " +
        "applied_at = clock_timestamp() WHERE version = $1 AND status = 'applied'",
        migration.Version.Value,
        total,
        migration.Checksum.Hash,
        migration.Checksum.Algorithm)
    {
        ChangesARow = true,
    };

    public BoundSql Delete(MigrationVersion version) => new($"DELETE FROM {_t} WHERE version = $1", version.Value) { ChangesARow = true };

    /// <summary>Every row of a version however it is spelled (<c>01</c>, <c>1</c>): repairs an inconsistent table.</summary>
    public BoundSql DeleteEverySpelling(MigrationVersion version) => new(
        $"DELETE FROM {_t} WHERE CASE WHEN ltrim(version, '0') = '' THEN '0' ELSE ltrim(version, '0') END = $1",
        version.Value);

    public BoundSql DeleteWithStatus(MigrationVersion version, HistoryStatus status) =>
        new($"DELETE FROM {_t} WHERE version = $1 AND status = $2", version.Value, HistoryCodes.Of(status));

    public BoundSql AcceptEdited(Migration migration) => new(
        $"UPDATE {_t} SET checksum = $2, checksum_algorithm = $3, description = $4, origin = 'edited-accepted' WHERE version = $1",
        migration.Version.Value,
        migration.Checksum.Hash,
        migration.Checksum.Algorithm,
        migration.Description);

    /// <summary>Repair: the user finished an interrupted up section by hand.</summary>
    public BoundSql CompleteRunning(MigrationVersion version) => new(
        $"UPDATE {_t} SET status = 'applied', statements_completed = statements_total, origin = 'repair', " +
        "applied_at = clock_timestamp(), applied_by = current_user, client_host = $2, strata_version = $3 " +
        "WHERE version = $1 AND status = 'running'",
        version.Value,
        Client.Host,
        Client.StrataVersion);

    /// <summary>Repair: put an interrupted down section's row back to applied so <c>down</c> runs it again.</summary>
    public BoundSql RestoreReverting(MigrationVersion version, int upStatements) => new(
        $"UPDATE {_t} SET status = 'applied', statements_completed = $2, statements_total = $2, origin = 'repair', applied_at = clock_timestamp() " +
        "WHERE version = $1 AND status = 'reverting'",
        version.Value,
        upStatements);

    private BoundSql Insert(Migration migration, string status, int completed, string elapsedExpression, HistoryOrigin origin) => new(
        $"INSERT INTO {_t} ({Columns}) VALUES ($1, $2, $3, $4, '{status}', $5, $6, clock_timestamp(), current_user, $7, $8, " +
        $"{elapsedExpression}, '{HistoryCodes.Of(origin)}', $9)",
        migration.Version.Value,
        migration.Description,
        migration.Checksum.Hash,
        migration.Checksum.Algorithm,
        completed,
        migration.Up.Statements.Count,
        Client.Host,
        Client.StrataVersion,
        HistoryCodes.Of(migration.Phase));
}
