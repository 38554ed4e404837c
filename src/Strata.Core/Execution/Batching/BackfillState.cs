namespace Strata.Core.Execution.Batching;

/// <summary>How far one batched statement got, as its progress row records it.</summary>
/// <param name="Table">The table it walks, schema-qualified (see <see cref="BackfillKey.Table"/>).</param>
/// <param name="UpperKey">The largest key when the statement started (text), or null when the table was empty.</param>
/// <param name="LastKey">The largest key of the last committed batch, or null before the first.</param>
/// <param name="KeysTotal">The keys to walk, estimated when the statement started.</param>
/// <param name="KeysDone">The keys the committed batches covered.</param>
/// <param name="RowsChanged">The rows the committed batches updated or deleted.</param>
/// <param name="Batches">How many batches committed.</param>
internal sealed record BackfillState(string Table, string? UpperKey, string? LastKey, long KeysTotal, long KeysDone, long RowsChanged, int Batches);
