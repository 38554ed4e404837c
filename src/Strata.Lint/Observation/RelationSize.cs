namespace Strata.Lint.Observation;

/// <summary>A table's size in the reference database, from its statistics.</summary>
/// <param name="Rows">pg_class.reltuples: the planner's row estimate (negative when never analysed).</param>
/// <param name="HeapBytes">relpages × block size: what a sequential scan reads.</param>
/// <param name="TotalBytes">pg_total_relation_size: heap, indexes and TOAST, what a rewrite writes.</param>
public sealed record RelationSize(double Rows, long HeapBytes, long TotalBytes);
