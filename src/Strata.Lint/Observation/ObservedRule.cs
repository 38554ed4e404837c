namespace Strata.Lint.Observation;

/// <summary>
/// A rule judged from what the server did: a pure function of one statement's observation and the reference's
/// table sizes. Each lives in its own file with a page at <c>docs/lint/&lt;id&gt;.md</c>.
/// </summary>
internal abstract class ObservedRule
{
    public abstract string Id { get; }

    public abstract string Summary { get; }

    public abstract string SafeAlternative { get; }

    public abstract IEnumerable<LintFinding> Check(StatementObservation observation, IReadOnlyDictionary<string, RelationSize> sizes, LintOptions options);

    protected LintFinding Finding(StatementObservation observation, LintSeverity severity, string message, ObservedCost? cost) =>
        new(observation.File, observation.Line, observation.Column, Id, severity, message, SafeAlternative)
        {
            Evidence = LintEvidence.Dynamic,
            Observed = cost,
        };

    /// <summary>
    /// The hazard shared by rewrites and scans: an existing table worked through (rewritten or scanned) while this
    /// statement holds a lock that blocks the application's reads or writes on it.
    /// </summary>
    protected IEnumerable<LintFinding> LockedWork(
        StatementObservation observation, IReadOnlyList<string> worked, bool rewrite, IReadOnlyDictionary<string, RelationSize> sizes, LintOptions options)
    {
        foreach (var relation in worked)
        {
            var held = observation.Locks.Where(l => l.Relation == relation && l.BlocksTraffic).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            var strongest = held.Any(l => l.BlocksReads) ? held.First(l => l.BlocksReads) : held[0];
            var size = sizes.GetValueOrDefault(relation);
            var seconds = CostModel.Seconds(size, rewrite);
            var blocks = strongest.BlocksReads ? "reads and writes" : "writes";
            var work = rewrite ? "rewrite" : "scan";
            var duration = seconds is { } s ? $" for about {s.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s" : " for as long as it takes";
            var severity = CostModel.IsLarge(size, options) ? LintSeverity.Error : LintSeverity.Warning;
            var on = strongest.Index is { } index ? $"{index}, an index of " : string.Empty;
            var message = $"{strongest.SqlName} on {on}{CostModel.Describe(relation, size)}: {work}; blocks {blocks}{duration}.";
            yield return Finding(observation, severity, message, new ObservedCost(strongest.SqlName, [relation], rewrite, !rewrite, seconds));
        }
    }
}
