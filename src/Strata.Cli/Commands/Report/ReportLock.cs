namespace Strata.Cli.Commands.Report;

/// <summary>A lock a pending migration's statement was seen to take on an existing table during dynamic lint.</summary>
/// <param name="Line">The statement's line in the migration file.</param>
/// <param name="Table">The table, schema-qualified.</param>
/// <param name="Mode">The lock in SQL's words: <c>ACCESS EXCLUSIVE</c>.</param>
/// <param name="Blocks">What the lock makes other sessions wait for, in words.</param>
/// <param name="Work">What the statement and the later ones that run while the lock is held (to commit) do to data (<c>rewrite</c>, <c>scan</c>), or null for catalog changes only.</param>
/// <param name="EstimatedSeconds">How long that work holds the lock on the reference database's data, when its size is known.</param>
internal sealed record ReportLock(int Line, string Table, string Mode, string Blocks, string? Work, double? EstimatedSeconds);
