using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.Migrations;

namespace Strata.Core.History;

/// <summary>
/// Every statement Strata runs against the backfill progress table, the history table's companion that records how far
/// each running batched statement got. A batch writes its row in its own transaction, so the row never runs ahead of
/// or behind what the batches committed. See docs/backfills.md.
/// </summary>
internal sealed class BackfillProgressSql(HistoryTableName history)
{
    private readonly string _t = SqlText.Identifier(history.Schema) + "." + SqlText.Identifier(history.BackfillName);

    /// <summary>The table's name, quoted, for messages and tests.</summary>
    public string Table => _t;

    public string CreateTable => $"""
        CREATE TABLE IF NOT EXISTS {_t} (
            version      text        NOT NULL,
            statement    integer     NOT NULL,
            table_name   text        NOT NULL,
            key_column   text        NOT NULL,
            upper_key    text,
            last_key     text,
            keys_total   bigint      NOT NULL,
            keys_done    bigint      NOT NULL DEFAULT 0,
            rows_changed bigint      NOT NULL DEFAULT 0,
            batches      integer     NOT NULL DEFAULT 0,
            started_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
            updated_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
            PRIMARY KEY (version, statement)
        )
        """;

    /// <summary>After <see cref="CreateTable"/>: only Strata writes the table (<see cref="OwnerOnlyWrites"/>).</summary>
    public string KeepWritesToOwner => OwnerOnlyWrites.Statement(_t);

    /// <summary>Whether the table exists, read without creating it.</summary>
    public BoundSql Exists => new("SELECT to_regclass($1) IS NOT NULL", _t);

    /// <summary>Where an interrupted up section stopped: its completed statement count while its row says running.</summary>
    public BoundSql RunningAt(HistoryTableName historyTable, MigrationVersion version) =>
        new($"SELECT statements_completed FROM {historyTable.Quoted} WHERE version = $1 AND status = '{HistoryCodes.Running}'", version.Value);

    /// <summary>
    /// A resumed section's running row moves its start forward by the time between the last run's last committed batch
    /// and now, so that the execution time recorded when it finishes is the time it ran, not the time it lay stopped.
    /// </summary>
    public BoundSql SkipIdleTime(HistoryTableName historyTable, MigrationVersion version, int statement) => new(
        $"UPDATE {historyTable.Quoted} h SET applied_at = h.applied_at + (clock_timestamp() - b.updated_at) FROM {_t} b " +
        $"WHERE h.version = $1 AND h.status = '{HistoryCodes.Running}' AND b.version = h.version AND b.statement = $2 AND b.batches > 0",
        version.Value,
        statement);

    /// <summary>A fresh start of statement <paramref name="statement"/> (1-based), replacing what an earlier run left.</summary>
    public BoundSql Start(MigrationVersion version, int statement, string table, string keyColumn, string? upperKey, long keysTotal) => new(
        $"INSERT INTO {_t} (version, statement, table_name, key_column, upper_key, keys_total) VALUES ($1, $2, $3, $4, $5, $6) " +
        "ON CONFLICT (version, statement) DO UPDATE SET table_name = EXCLUDED.table_name, key_column = EXCLUDED.key_column, " +
        "upper_key = EXCLUDED.upper_key, last_key = NULL, keys_total = EXCLUDED.keys_total, keys_done = 0, rows_changed = 0, batches = 0, " +
        "started_at = clock_timestamp(), updated_at = clock_timestamp()",
        version.Value,
        statement,
        table,
        keyColumn,
        upperKey,
        keysTotal);

    /// <summary>Reads one statement's progress: table_name, upper_key, last_key, keys_total, keys_done, rows_changed, batches.</summary>
    public BoundSql Read(MigrationVersion version, int statement) => new(
        $"SELECT table_name, upper_key, last_key, keys_total, keys_done, rows_changed, batches FROM {_t} WHERE version = $1 AND statement = $2",
        version.Value,
        statement);

    /// <summary>A version's rows: statement, table, key column, last key, keys total, keys done, rows changed, batches.</summary>
    public BoundSql ReadVersion(MigrationVersion version) => new(
        $"SELECT statement, table_name, key_column, last_key, keys_total, keys_done, rows_changed, batches FROM {_t} WHERE version = $1 ORDER BY statement",
        version.Value);

    /// <summary>One committed batch, written in the batch's own transaction.</summary>
    public BoundSql Advance(MigrationVersion version, int statement, string lastKey, long keys, long rows) => new(
        $"UPDATE {_t} SET last_key = $3, keys_done = keys_done + $4, rows_changed = rows_changed + $5, batches = batches + 1, " +
        "updated_at = clock_timestamp() WHERE version = $1 AND statement = $2",
        version.Value,
        statement,
        lastKey,
        keys,
        rows);

    /// <summary>
    /// A fresh start of a section with batched statements: what an earlier attempt of the version left (one that
    /// <c>repair</c> resolved, or one removed from the history) is forgotten in the transaction that records the start,
    /// so a run stopped before its backfill recorded its own start cannot be resumed from that attempt's keys. A
    /// <c>repair</c> that completes the version forgets them in the transaction that records it, as nothing is left to resume.
    /// </summary>
    public IReadOnlyList<BoundSql> Forget(MigrationVersion version) =>
        [new(CreateTable), new($"DELETE FROM {_t} WHERE version = $1", version.Value)];

    /// <summary>The statement finished: its row goes with the history change that records it.</summary>
    public BoundSql Delete(MigrationVersion version, int statement) =>
        new($"DELETE FROM {_t} WHERE version = $1 AND statement = $2", version.Value, statement);
}
