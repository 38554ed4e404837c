using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>
/// Recognises a history statement that failed because the history table is gone, so the error names the table rather
/// than blaming the line of the migration file the statement happened to follow.
/// </summary>
internal static class HistoryTableLost
{
    public static bool IsMissingTable(PostgresException error) => error.SqlState == PostgresErrorCodes.UndefinedTable;

    public static HistoryTableLostException Error(Migration migration, PostgresException error, string state) =>
        new($"The history table disappeared while migration {MigrationNames.Id(migration)} ran ({error.SqlState} {ServerErrorText.OneLine(error.MessageText)}), " +
            $"dropped by the migration itself or by another session, so its history row could not be written; {state}. " +
            "Find out who dropped it before running again: without it Strata sees no history and refuses to migrate the database.",
            error);

    /// <summary>The section's history row was no longer as the run left it when it recorded its progress or its end.</summary>
    public static HistoryTableLostException RowGone(Migration migration, MigrationDirection direction, string state) =>
        new($"The history row of migration {MigrationNames.Id(migration)} was changed or removed by another session while it ran " +
            $"{direction.ToString().ToLowerInvariant()} (a repair, or a change by hand), so its progress could not be recorded; {state}. " +
            "Run status to see what the history now says before running again.")
        {
            NextSteps = [new NextStep(NextStepKind.Repair, migration.Version.Value)],
        };
}
