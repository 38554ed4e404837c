using System.Text;
using Strata.Core.Configuration;
using Strata.Core.Data;
using Strata.Core.History;
using Strata.Core.Locking;
using Strata.Core.Migrations;
using Strata.Core.Planning;

namespace Strata.Core.Execution;

/// <summary>Writes the SQL <c>up</c> would run, bookkeeping included, as a script for review.</summary>
internal sealed class ScriptBuilder(StepSql steps, HistorySql history, HistoryTableName table)
{
    /// <param name="plan">The migrations to apply.</param>
    /// <param name="createSchema">Whether the history table's schema does not exist yet.</param>
    /// <param name="createTable">Whether the history table does not exist yet.</param>
    /// <param name="addPhaseColumn">Whether the existing history table lacks the phase column (an older version created it).</param>
    public string Build(UpPlan plan, bool createSchema, bool createTable, bool addPhaseColumn)
    {
        var script = new StringBuilder()
            .AppendLine("-- The SQL `strata up` would run, generated for review; nothing has been executed.")
            .AppendLine("-- Run it with psql -v ON_ERROR_STOP=1; statements outside BEGIN/COMMIT run one at a time.");
        Append(script, $"SELECT pg_advisory_lock({MigrationLockKey.SqlExpression(table)})");
        if (createSchema)
        {
            Append(script, history.CreateSchema);
        }

        if (createTable)
        {
            Append(script, history.CreateTable);
            Append(script, history.KeepWritesToOwner);
        }
        else if (addPhaseColumn)
        {
            // A table an older version created has no phase column yet; up adds it the same way before writing.
            Append(script, history.AddPhaseColumn);
        }

        if (plan.Migrations.Count == 0 && plan.EditedToAccept.Count == 0)
        {
            script.AppendLine("-- Nothing to apply: every migration is applied.");
        }

        foreach (var edited in plan.EditedToAccept)
        {
            Append(script, history.AcceptEdited(edited).ToLiteralSql());
        }

        // The same session settings as the run sends, so the script sets them where the run does.
        var settings = SessionSettings.NotSet;
        for (var i = 0; i < plan.Migrations.Count; i++)
        {
            settings = AppendMigration(script, plan.Migrations[i], settings, last: i == plan.Migrations.Count - 1);
        }

        script.AppendLine();
        Append(script, $"SELECT pg_advisory_unlock({MigrationLockKey.SqlExpression(table)})");
        return script.ToString();
    }

    private SessionSettings AppendMigration(StringBuilder script, Migration migration, SessionSettings settings, bool last)
    {
        var transactional = migration.Up.Options.Transaction;
        script.AppendLine().Append("-- ").Append(MigrationNames.Id(migration)).Append(" (").Append(migration.Source).Append(')')
            .AppendLine(transactional ? string.Empty : ", transaction:false: each statement runs on its own");
        if (transactional)
        {
            var batch = steps.Transactional(migration, MigrationDirection.Up, settings, last);
            AppendAll(script, batch.Commands);
            return batch.After;
        }

        AppendAll(script, steps.NonTransactionalStart(migration, MigrationDirection.Up));
        for (var i = 0; i < migration.Up.Statements.Count; i++)
        {
            if (migration.Up.Batches.TryGetValue(i, out var batch))
            {
                script.AppendLine(BatchNote(batch));
            }

            Append(script, migration.Up.Statements[i].Text);
            Append(script, steps.Progress(migration, i + 1).ToLiteralSql());
        }

        AppendAll(script, steps.NonTransactionalFinish(migration, MigrationDirection.Up));
        return SessionSettings.NotSet;
    }

    // A script cannot loop over keys: it runs the statement as written, which up would not, so it says so where a
    // reviewer reads the statement.
    private static string BatchNote(BatchDirective batch) =>
        $"-- '-- strata:batch' (line {batch.Line}): up runs the next statement in batches of at most {batch.Size} keys of the primary key " +
        $"of {batch.Statement.Table}, each batch its own transaction, {batch.Pause.TotalMilliseconds:0} ms apart, resumable after an interruption.\n" +
        "-- This script runs it once, as one statement over the whole table: one transaction holding its row locks until it ends.";

    private static void AppendAll(StringBuilder script, IEnumerable<BoundSql> statements)
    {
        foreach (var statement in statements)
        {
            Append(script, statement.ToLiteralSql());
        }
    }

    // A statement may end without a semicolon, or in a line comment that a semicolon on the same line would join.
    private static void Append(StringBuilder script, string statement)
    {
        var text = statement.TrimEnd();
        var lastLine = text[(text.LastIndexOf('\n') + 1)..];
        var terminator = text.EndsWith(';') ? string.Empty : lastLine.Contains("--", StringComparison.Ordinal) ? "\n;" : ";";
        script.Append(text).AppendLine(terminator);
    }
}
