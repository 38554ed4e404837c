namespace Strata.Lint;

/// <summary>What a statement was seen to do on the scratch database, sized from the reference database.</summary>
/// <param name="Lock">The strongest lock it held on the relations, in SQL's words (<c>ACCESS EXCLUSIVE</c>).</param>
/// <param name="Relations">The existing tables concerned.</param>
/// <param name="Rewrite">True when a table's relfilenode changed: every row is rewritten.</param>
/// <param name="Scan">True when a table was read sequentially (on the empty copy, a scan planned).</param>
/// <param name="EstimatedSeconds">How long the lock is held on the reference's data, or null when its size is unknown.</param>
public sealed record ObservedCost(string? Lock, IReadOnlyList<string> Relations, bool Rewrite, bool Scan, double? EstimatedSeconds);
