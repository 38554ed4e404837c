using Strata.Lint;

namespace Strata.Cli.Commands.Report;

/// <summary>The locks a dynamic lint saw one migration take, each lock once, at the statement that first took it.</summary>
internal static class ReportLocks
{
    public static IReadOnlyList<ReportLock> For(string file, LintResult result)
    {
        var locks = new List<ReportLock>();
        var seen = new HashSet<(string, string)>();
        foreach (var observation in result.Observations.Where(o => ReportGatherer.SameFile(o.File, file)))
        {
            // A transaction keeps earlier statements' locks, so a later statement lists them again.
            foreach (var held in observation.Locks.Where(l => l.Granted && seen.Add((l.Relation, l.Mode))))
            {
                var cost = Cost(result, file, observation.Line, held.Relation);
                locks.Add(new ReportLock(observation.Line, held.Relation, held.SqlName, Blocks(held.Mode), Work(cost), cost?.EstimatedSeconds));
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

    // The observed finding of the same statement and table says what work the lock covered and how long it takes.
    private static ObservedCost? Cost(LintResult result, string file, int line, string relation) =>
        result.Findings.Where(f => f.Line == line && f.Observed is { } o && o.Relations.Contains(relation) && ReportGatherer.SameFile(f.File, file))
            .Select(f => f.Observed).OrderByDescending(o => o!.EstimatedSeconds ?? double.MaxValue).FirstOrDefault();

    private static string? Work(ObservedCost? cost) => cost switch
    {
        { Rewrite: true, Scan: true } => "rewrite and scan",
        { Rewrite: true } => "rewrite",
        { Scan: true } => "scan",
        _ => null,
    };
}
