namespace Strata.Core.Execution.Batching;

/// <summary>How far an interrupted batched statement got, as its progress row records it.</summary>
/// <param name="Statement">The statement's 1-based number in its section.</param>
/// <param name="Table">The table it walks.</param>
/// <param name="KeyColumn">The primary-key column it walks by.</param>
/// <param name="LastKey">The last key of the last committed batch, or null before the first.</param>
/// <param name="RowsDone">The keys the committed batches covered.</param>
/// <param name="RowsTotal">The estimate of the keys to walk, made when it started.</param>
/// <param name="RowsChanged">The rows the committed batches changed (the last batch's may not be counted yet).</param>
/// <param name="Batches">How many batches committed.</param>
internal sealed record BackfillProgress(int Statement, string Table, string KeyColumn, string? LastKey, long RowsDone, long RowsTotal, long RowsChanged, int Batches)
{
    /// <summary>One line for people.</summary>
    public string Describe() =>
        $"backfill of {Table}: {RowsDone} of about {Math.Max(RowsTotal, RowsDone)} rows done in {Batches} batches" +
        (LastKey is null ? string.Empty : $", up to {KeyColumn} {LastKey}");
}
