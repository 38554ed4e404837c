namespace Strata.Core.Generators;

/// <summary>The batch size and pause generated backfills are marked with.</summary>
internal static class Backfill
{
    public const int BatchSize = 1000;

    public const int PauseMilliseconds = 20;

    /// <summary>The down of a backfill: nothing to undo, the expand step's down removes the column it filled.</summary>
    public const string NothingToUndo = """
        -- Nothing to undo: the previous migration's down drops the column this one filled.
        SELECT 1;
        """;

    public static string Explanation(string what) => $"""
        {what}
        Runs as a batched backfill (see the strata:batch line): each batch is its own short transaction over a range
        of the primary key, so no row stays locked for the whole copy and a killed run resumes where it stopped. Run by a
        tool that does not batch (psql), the statement runs once, which is correct but holds its row locks until it ends.
        Rows written meanwhile are kept in step by the sync trigger. The table needs a single-column primary key for
        batching; without one, delete the strata:batch line.
        App version: the old one still runs (the new one may already run beside it).
        Abort: stop the run; what is copied stays copied and is harmless. Re-running continues.
        """;
}
