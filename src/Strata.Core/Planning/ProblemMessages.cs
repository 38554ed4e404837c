using Strata.Core.Errors;
using Strata.Core.History;

namespace Strata.Core.Planning;

/// <summary>The one-line descriptions of ledger problems, shared by <c>validate</c> and the commands that refuse to run.</summary>
internal static class ProblemMessages
{
    public static string Edited(LedgerEntry entry) =>
        $"migration {entry.Id} was edited after it was applied (recorded checksum {entry.Record!.Checksum}, file {entry.File.Checksum}): " +
        "restore the file, or " + new NextStep(NextStepKind.AllowEdited).Describe();

    public static string Missing(LedgerEntry entry) =>
        $"migration {entry.Id} is recorded as applied but its file is missing: restore the file, or remove its history row with stamp's remove option";

    public static string OutOfOrder(LedgerEntry entry, MigrationLedger ledger) =>
        $"migration {entry.Id} is pending but older than the newest applied migration {ledger.Find(ledger.NewestRecorded!.Value)!.Id}: " +
        new NextStep(NextStepKind.AllowOutOfOrder).Describe();

    public static string Running(LedgerEntry entry, string holder)
    {
        var record = entry.Record!;
        return $"migration {entry.Id} is running {Direction(record)} now ({record.StatementsCompleted} of {record.StatementsTotal} statements done so far): " +
            $"a run holds the migration lock ({holder}); it has not stopped, so there is nothing to repair";
    }

    public static string Interrupted(LedgerEntry entry)
    {
        var record = entry.Record!;
        var direction = Direction(record);
        return $"migration {entry.Id} was interrupted while running {direction} ({record.StatementsCompleted} of {record.StatementsTotal} statements completed): " +
            (entry.ResumesBackfill
                ? "it stopped in a batched backfill, which up resumes after its last committed batch (repair resolves it another way)"
                : "run repair to see its state and resolve it");
    }

    private static string Direction(HistoryRecord record) => record.Status == HistoryStatus.Reverting ? "down" : "up";

    /// <summary>What to do about an entry's problem, as data; null when its state is not a problem.</summary>
    public static NextStep? Step(LedgerEntry entry) => entry.State switch
    {
        MigrationState.Edited => new NextStep(NextStepKind.AllowEdited),
        MigrationState.OutOfOrder => new NextStep(NextStepKind.AllowOutOfOrder),
        MigrationState.Missing => new NextStep(NextStepKind.Unstamp, entry.Version.Value),
        MigrationState.Interrupted => new NextStep(entry.ResumesBackfill ? NextStepKind.ResumeBackfill : NextStepKind.Repair, entry.Version.Value),
        _ => null,
    };

    /// <summary>The distinct steps for several entries, in their order.</summary>
    public static IReadOnlyList<NextStep> Steps(IEnumerable<LedgerEntry> entries) =>
        entries.Select(Step).OfType<NextStep>().Distinct().ToList();

    /// <summary>Joins several problems into one line, naming the first few.</summary>
    public static string Join(IReadOnlyList<string> problems) =>
        problems.Count <= 3
            ? string.Join("; ", problems)
            : string.Join("; ", problems.Take(3)) + $"; and {problems.Count - 3} more (run validate for the full list)";
}
