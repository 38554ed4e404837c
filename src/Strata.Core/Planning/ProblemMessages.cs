using Strata.Core.History;

namespace Strata.Core.Planning;

/// <summary>The one-line descriptions of ledger problems, shared by <c>validate</c> and the commands that refuse to run.</summary>
internal static class ProblemMessages
{
    public static string Edited(LedgerEntry entry) =>
        $"migration {entry.Id} was edited after it was applied (recorded checksum {entry.Record!.Checksum}, file {entry.File.Checksum}): " +
        "restore the file, or allow edited migrations (--allow-edited) to accept the new checksum";

    public static string Missing(LedgerEntry entry) =>
        $"migration {entry.Id} is recorded as applied but its file is missing: restore the file, or remove its history row with unstamp";

    public static string OutOfOrder(LedgerEntry entry, MigrationLedger ledger) =>
        $"migration {entry.Id} is pending but older than the newest applied migration {ledger.Find(ledger.NewestRecorded!.Value)!.Id}: " +
        "allow out-of-order migrations (--allow-out-of-order) to apply it anyway";

    public static string Interrupted(LedgerEntry entry)
    {
        var record = entry.Record!;
        var direction = record.Status == HistoryStatus.Reverting ? "down" : "up";
        return $"migration {entry.Id} was interrupted while running {direction} ({record.StatementsCompleted} of {record.StatementsTotal} statements completed): " +
            "run repair to see its state and resolve it";
    }

    /// <summary>Joins several problems into one line, naming the first few.</summary>
    public static string Join(IReadOnlyList<string> problems) =>
        problems.Count <= 3
            ? string.Join("; ", problems)
            : string.Join("; ", problems.Take(3)) + $"; and {problems.Count - 3} more (run validate for the full list)";
}
