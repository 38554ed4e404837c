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
    /// <summary>Index of the first migration statement within <see cref="Transactional"/>'s list.</summary>
    public const int FirstStatementIndex = 3;

    /// <summary>The statements of the batched backfills' progress table.</summary>
    public BackfillProgressSql Backfill => history.Backfill;

    /// <summary>The running row of an interrupted up section that ran batched statements, read to resume it.</summary>
    public BoundSql RunningAt(Migration migration) => history.Backfill.RunningAt(history.Table, migration.Version);

    /// <summary>Resuming an interrupted section: the session timeouts only, as its running row exists.</summary>
    public IReadOnlyList<BoundSql> NonTransactionalResume(Migration migration, MigrationDirection direction)
    {
        var section = migration.Section(direction);
        return
        [
            new($"SET lock_timeout = {Durations.Setting(LockTimeout(section))}"),
            new($"SET statement_timeout = {Durations.Setting(StatementTimeout(section))}"),
        ];
    }

    public TimeSpan LockTimeout(MigrationSection section) => section.Options.LockTimeout ?? options.LockTimeout;

    public TimeSpan StatementTimeout(MigrationSection section) => section.Options.StatementTimeout ?? options.StatementTimeout;

    /// <summary>BEGIN, the timeouts, the section's statements, the history change, COMMIT: sent as one batch.</summary>
    public IReadOnlyList<BoundSql> Transactional(Migration migration, MigrationDirection direction)
    {
        var section = migration.Section(direction);
        var commands = new List<BoundSql>(section.Statements.Count + 5)
        {
            new("BEGIN"),
            new($"SET LOCAL lock_timeout = {Durations.Setting(LockTimeout(section))}"),
            new($"SET LOCAL statement_timeout = {Durations.Setting(StatementTimeout(section))}"),
        };
        commands.AddRange(section.Statements.Select(s => new BoundSql(s.Text)));
        commands.Add(direction == MigrationDirection.Up ? history.InsertRun(migration) : history.Delete(migration.Version));
        commands.Add(new BoundSql("COMMIT"));
        return commands;
    }

    /// <summary>Before the first statement of a <c>transaction:false</c> section: session timeouts and the running row.</summary>
    public IReadOnlyList<BoundSql> NonTransactionalStart(Migration migration, MigrationDirection direction)
    {
        var section = migration.Section(direction);
        return
        [
            new($"SET lock_timeout = {Durations.Setting(LockTimeout(section))}"),
            new($"SET statement_timeout = {Durations.Setting(StatementTimeout(section))}"),
            direction == MigrationDirection.Up
                ? history.InsertRunning(migration)
                : history.StartReverting(migration.Version, section.Statements.Count),
        ];
    }

    public BoundSql Progress(Migration migration, int completed) => history.Progress(migration.Version, completed);

    /// <summary>After the last statement: the row becomes applied (up) or goes (down), and the session timeouts are reset.</summary>
    public IReadOnlyList<BoundSql> NonTransactionalFinish(Migration migration, MigrationDirection direction) =>
    [
        direction == MigrationDirection.Up ? history.FinishRunning(migration.Version) : history.Delete(migration.Version),
        new("RESET lock_timeout"),
        new("RESET statement_timeout"),
    ];
}
