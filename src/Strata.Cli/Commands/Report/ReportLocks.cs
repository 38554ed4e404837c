using Strata.Lint;

namespace Strata.Cli.Commands.Report;

/// <summary>
/// The locks a dynamic lint saw one migration take, each lock once, at the statement that first took it, with the work
/// done while it is held (to the end of the transaction).
/// </summary>
internal static class ReportLocks
{
    public static IReadOnlyList<ReportLock> For(string file, LintResult result)
    {
        var observations = result.Observations.Where(o => ReportGatherer.SameFile(o.File, file)).ToList();
        var locks = new List<ReportLock>();
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < observations.Count; i++)
        {
            // A transaction keeps earlier statements' locks, so a later statement lists them again.
            foreach (var held in observations[i].Locks.Where(l => l.Granted && seen.Add((l.Relation, l.Mode))))
            {
                // Held to commit: the lock lasts through the work of every later statement that still lists it.
                var costs = observations.Skip(i).TakeWhile(o => o.Locks.Any(l => l.Granted && l.Relation == held.Relation && l.Mode == held.Mode))
                    .Select(o => Cost(result, file, o.Line)).OfType<ObservedCost>().Where(c => c.Rewrite || c.Scan).ToList();
                locks.Add(new ReportLock(observations[i].Line, held.Relation, held.SqlName, Blocks(held.Mode), Work(costs), Seconds(costs)));
            }
        }

        return locks;
    }

    /// <summary>What other sessions wait for while <paramref name="mode"/> is held, from PostgreSQL's lock conflict table.</summary>
    public static string Blocks(string mode) => mode switch
    {
        "AccessExclusiveLock" => "all reads and writes",
        "ExclusiveLock" => "writes (reads go on)",
        "ShareRowExclusiveLock" or "ShareLock" => "writes: INSERT, UPDATE, DELETE",
        "ShareUpdateExclusiveLock" => "schema changes and VACUUM (reads and writes go on)",
        "RowExclusiveLock" => "only SHARE or stronger locks (reads and writes go on)",
        "RowShareLock" => "only EXCLUSIVE locks (reads and writes go on)",
        _ => "only ACCESS EXCLUSIVE locks (reads and writes go on)",
    };

    // The statement's observed finding with the longest (or an unknown) estimate says what work it did and how long it takes.
    private static ObservedCost? Cost(LintResult result, string file, int line) =>
        result.Findings.Where(f => f.Line == line && f.Observed is not null && ReportGatherer.SameFile(f.File, file))
            .Select(f => f.Observed).OrderByDescending(o => o!.EstimatedSeconds ?? double.MaxValue).FirstOrDefault();

    private static string? Work(List<ObservedCost> costs) => (costs.Any(c => c.Rewrite), costs.Any(c => c.Scan)) switch
    {
        (true, true) => "rewrite and scan",
        (true, false) => "rewrite",
        (false, true) => "scan",
        _ => null,
    };

    // Unknown when the size behind any of the work is.
    private static double? Seconds(List<ObservedCost> costs) =>
        costs.Count == 0 || costs.Any(c => c.EstimatedSeconds is null) ? null : costs.Sum(c => c.EstimatedSeconds!.Value);
}
