using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.History;
using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>
/// The exact statements that run a migration section with its bookkeeping. The runner sends them and <c>up --sql</c>
/// prints them, so what is reviewed is what runs.
/// </summary>
internal sealed class StepSql(HistorySql history, MigratorOptions options)
{
    /// <summary>The history table the bookkeeping statements write.</summary>
    public HistoryTableName HistoryTable => history.Table;

    /// <summary>The statements of the batched backfills' progress table.</summary>
    public BackfillProgressSql Backfill => history.Backfill;

    /// <summary>The running row of an interrupted up section that ran batched statements, read to resume it.</summary>
    public BoundSql RunningAt(Migration migration) => history.Backfill.RunningAt(history.Table, migration.Version);

    /// <summary>
    /// Resuming an interrupted section at statement <paramref name="resumeAt"/> (0-based): the session settings, and
    /// its running row's start moved past the time it lay stopped, as the row exists.
    /// </summary>
    public IReadOnlyList<BoundSql> NonTransactionalResume(Migration migration, MigrationDirection direction, int resumeAt)
    {
        var section = migration.Section(direction);
        return
        [
            DurableCommits,
            new($"SET lock_timeout = {Durations.Setting(LockTimeout(section))}"),
            new($"SET statement_timeout = {Durations.Setting(StatementTimeout(section))}"),
            new(history.Backfill.CreateTable),
            new(history.Backfill.KeepWritesToOwner),
            history.Backfill.SkipIdleTime(history.Table, migration.Version, resumeAt + 1),
        ];
    }

    public TimeSpan LockTimeout(MigrationSection section) => section.Options.LockTimeout ?? options.LockTimeout;

    public TimeSpan StatementTimeout(MigrationSection section) => section.Options.StatementTimeout ?? options.StatementTimeout;

    /// <summary>
    /// BEGIN, the timeouts, the section's statements, the history change, COMMIT: sent as one batch. The timeouts are
    /// sent only where the session does not already hold them (<paramref name="before"/>): a migration that is not
    /// the last sets the run's values for the session, so the migrations after it send none unless their options
    /// differ (SET LOCAL, for their transaction only); the last one leaves the session's values as it found them.
    /// </summary>
    /// <remarks>
    /// The migrations before the last commit without waiting for their WAL to reach disk
    /// (<c>synchronous_commit = off</c>), and the last one's COMMIT, with the connection's own setting back, waits for
    /// the flush of all of them: the server flushes its WAL in order. A run pays one flush, not one per migration. A
    /// server crash during the run can undo the migrations of the last moment before it, each with its history row,
    /// never one without the other, so the next run applies them again.
    /// </remarks>
    public TransactionalBatch Transactional(Migration migration, MigrationDirection direction, SessionSettings before, bool last)
    {
        var section = migration.Section(direction);
        var commands = new List<BoundSql>(section.Statements.Count + 9) { new("BEGIN") };
        var session = before;
        if (session == SessionSettings.NotSet && !last)
        {
            // Session-level inside the transaction: committed with the migration, undone with it if it fails.
            commands.AddRange(RunSessionSettings);
            session = SessionSettings.RunDefaults;
        }

        var lockTimeout = LockTimeout(section);
        var statementTimeout = StatementTimeout(section);
        if (session == SessionSettings.NotSet || lockTimeout != options.LockTimeout)
        {
            commands.Add(new($"SET LOCAL lock_timeout = {Durations.Setting(lockTimeout)}"));
        }

        if (session == SessionSettings.NotSet || statementTimeout != options.StatementTimeout)
        {
            commands.Add(new($"SET LOCAL statement_timeout = {Durations.Setting(statementTimeout)}"));
        }

        var first = commands.Count;
        foreach (var statement in section.Statements)
        {
            commands.Add(new(statement.Text));
        }

        var restores = MayChangeSession(section);
        if (restores)
        {
            // What the section set for the session ends with it, as when it runs alone: the migrations after it, and
            // the history row, see the connection's own settings and role (and, in mid-run, the run's settings).
            commands.AddRange(RestoreSession);
            if (!last)
            {
                commands.AddRange(RunSessionSettings);
            }
        }

        commands.Add(direction == MigrationDirection.Up ? history.InsertRun(migration) : history.Delete(migration.Version));
        if (last && session == SessionSettings.RunDefaults && !restores)
        {
            commands.AddRange(ResetSessionSettings);
        }

        commands.Add(new("COMMIT"));
        return new TransactionalBatch(commands, first, last ? SessionSettings.NotSet : SessionSettings.RunDefaults);
    }

    /// <summary>
    /// Whether the section may leave something behind for the session (a <c>SET search_path</c>, a <c>SET ROLE</c>, a
    /// <c>set_config(…, false)</c>, a temporary table, a held cursor): then its batch restores the connection's own
    /// state after its statements.
    /// </summary>
    public static bool MayChangeSession(MigrationSection section) =>
        section.Statements.Any(s => StatementClassifier.MayChangeSession(s.Text));

    // A server checks whether its client is still there only when it next writes to it: the statement of a killed run
    // (kill -9, a lost container) would go on for as long as it takes, holding its locks, with nobody to see its end.
    // Told to look every second while a statement runs (PostgreSQL 14 and later), the server ends it and rolls back.
    // A value the role or database already sets is kept; on an older server the setting does not exist and nothing
    // is set.
    public static readonly BoundSql WatchClient = new(
        "SELECT set_config('client_connection_check_interval', '1000', false) WHERE current_setting('client_connection_check_interval', true) = '0'");

    /// <summary>
    /// The connection's own session back: the section's cursors closed, its temporary objects dropped, every parameter
    /// it set undone, and the connection's own role and session user; then the watch on the client the work connection
    /// was opened with (<see cref="WatchClient"/>), which the reset undid too.
    /// </summary>
    public static IReadOnlyList<BoundSql> RestoreSession { get; } =
        [new("CLOSE ALL"), new("DISCARD TEMP"), new("RESET ALL"), new("RESET ROLE"), new("RESET SESSION AUTHORIZATION"), WatchClient];

    // The run's values for the session between its migrations.
    private IReadOnlyList<BoundSql> RunSessionSettings =>
    [
        new($"SET lock_timeout = {Durations.Setting(options.LockTimeout)}"),
        new($"SET statement_timeout = {Durations.Setting(options.StatementTimeout)}"),
        new("SET synchronous_commit = off"),
    ];

    /// <summary>Puts back the session's own values of the settings a run sets.</summary>
    public static IReadOnlyList<BoundSql> ResetSessionSettings { get; } =
        [new("RESET lock_timeout"), new("RESET statement_timeout"), DurableCommits];

    /// <summary>
    /// Before the first statement of a <c>transaction:false</c> section: session settings and the running row. Each
    /// of its statements commits on its own and waits for its flush, as the connection's own setting says.
    /// </summary>
    public IReadOnlyList<BoundSql> NonTransactionalStart(Migration migration, MigrationDirection direction)
    {
        var section = migration.Section(direction);
        return
        [
            DurableCommits,
            new($"SET lock_timeout = {Durations.Setting(LockTimeout(section))}"),
            new($"SET statement_timeout = {Durations.Setting(StatementTimeout(section))}"),
            direction == MigrationDirection.Up
                ? history.InsertRunning(migration)
                : history.StartReverting(migration, section.Statements.Count),
        ];
    }

    public BoundSql Progress(Migration migration, int completed) => history.Progress(migration.Version, completed);

    /// <summary>
    /// After the last statement: the session as the connection had it when the section may have changed it, the row
    /// becomes applied (up) or goes (down), and the session timeouts are reset.
    /// </summary>
    public IReadOnlyList<BoundSql> NonTransactionalFinish(Migration migration, MigrationDirection direction) =>
    [
        .. MayChangeSession(migration.Section(direction)) ? RestoreSession : [],
        direction == MigrationDirection.Up ? history.FinishRunning(migration.Version) : history.Delete(migration.Version),
        .. ResetSessionSettings,
    ];

    private static BoundSql DurableCommits => new("RESET synchronous_commit");
}
