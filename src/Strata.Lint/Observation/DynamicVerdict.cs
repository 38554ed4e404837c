using Strata.Core.Migrations;
using Strata.Lint.Engine;

namespace Strata.Lint.Observation;

/// <summary>
/// Merges static findings with what the server showed: on a statement that ran, a static guess about rewrites and
/// scans under lock gives way to the observed rules, which report the lock, the tables and their cost.
/// </summary>
internal static class DynamicVerdict
{
    private static readonly string BreakingRule = new BackwardIncompatibleChange().Id;

    public static LintResult Combine(
        LintResult staticResult, IReadOnlyList<LintUnit> units, IReadOnlyList<StatementObservation> observations,
        IReadOnlyDictionary<string, RelationSize> sizes, LintOptions options)
    {
        var observed = observations.ToDictionary(o => (o.File, o.Line, o.Column));
        var found = observations.SelectMany(o => ObservedRuleCatalog.Rules.SelectMany(rule => rule.Check(o, sizes, options))).ToList();
        var kept = new List<LintFinding>();
        var suppressed = 0;
        foreach (var finding in found)
        {
            if (Suppressed(units, finding))
            {
                suppressed++;
            }
            else
            {
                kept.Add(Contract(units, finding));
            }
        }

        // Observed findings sit at their statement's start; a static guess they confirm is simply replaced, one
        // they contradict (nothing as severe was seen) is listed as overridden. Only a rewrite or scan under lock
        // speaks to such a guess: a schema break found on the same statement is another hazard. A suppressed
        // finding still confirms: the server did what the guess said, and the comment accepted it.
        var seen = found.Where(f => ObservedRuleCatalog.LockedWork.Contains(f.Rule)).ToLookup(f => (f.File, f.Line, f.Column), f => f.Severity);
        var overridden = new List<LintFinding>();
        var staticKept = new List<LintFinding>();
        foreach (var finding in staticResult.Findings)
        {
            var start = StatementStart(units, finding);
            var observation = start is { } key ? observed.GetValueOrDefault(key) : null;
            if (ObservedRuleCatalog.DecidedBySchemaComparison.Contains(finding.Rule))
            {
                // The comparison found a break on this statement (it replaces the guess) or found none (overridden).
                if (observation?.SchemaBreaks is null)
                {
                    staticKept.Add(finding);
                }
                else if (!found.Exists(f => (f.File, f.Line, f.Column) == start!.Value && f.Rule == BreakingRule))
                {
                    overridden.Add(finding);
                }
            }
            else if (observation is not { Succeeded: true } || !ObservedRuleCatalog.DecidedByObservation.Contains(finding.Rule))
            {
                staticKept.Add(finding);
            }
            else if (!seen[start!.Value].Any(severity => severity >= finding.Severity))
            {
                overridden.Add(finding);
            }
        }

        kept.AddRange(staticKept);
        var order = units.Select((u, i) => (u.File, i)).GroupBy(p => p.File).ToDictionary(g => g.Key, g => g.First().i);
        var findings = kept
            .OrderBy(f => order.GetValueOrDefault(f.File)).ThenBy(f => f.Line).ThenBy(f => f.Column)
            .ToList();
        return staticResult with { Findings = findings, Suppressed = staticResult.Suppressed + suppressed, Overridden = overridden, Observations = observations, Dynamic = true };
    }

    // A break found in a post-deploy migration is the contract step: the version it would break is gone by then.
    private static LintFinding Contract(IReadOnlyList<LintUnit> units, LintFinding finding) =>
        finding.Rule == BreakingRule && units.Any(u => u.File == finding.File && u.Phase == MigrationPhase.Post)
            ? finding with
            {
                Severity = LintSeverity.Info,
                Message = finding.Message + MigrationContext.ContractStepNote,
            }
            : finding;

    // The same comments as static findings: those SuppressionReader gives the statement, with a reason.
    private static bool Suppressed(IReadOnlyList<LintUnit> units, LintFinding finding)
    {
        foreach (var unit in units.Where(u => u.File == finding.File))
        {
            var index = unit.Statements.ToList().FindIndex(s => s.Line == finding.Line && s.Column == finding.Column);
            if (index >= 0)
            {
                return SuppressionReader.Read(unit)[index].Exists(s => s.Reason is not null && Covers(s.RuleId, finding.Rule));
            }
        }

        return false;
    }

    // Suppressing the static rule whose guess an observation replaces suppresses the observation too: the reason
    // given is about the same statement and the same hazard. A failure of the statement is another hazard, which
    // only its own rule's suppression hides.
    private static bool Covers(string? suppressed, string rule) =>
        suppressed == rule
        || (suppressed is not null && ObservedRuleCatalog.LockedWork.Contains(rule) && ObservedRuleCatalog.DecidedByObservation.Contains(suppressed))
        || (suppressed is not null && rule == BreakingRule && ObservedRuleCatalog.DecidedBySchemaComparison.Contains(suppressed));

    // The statement a finding lies in: the last one of its file starting at or before the finding.
    private static (string File, int Line, int Column)? StatementStart(IReadOnlyList<LintUnit> units, LintFinding finding)
    {
        var statement = units.Where(u => u.File == finding.File)
            .SelectMany(u => u.Statements)
            .LastOrDefault(s => s.Line < finding.Line || (s.Line == finding.Line && s.Column <= finding.Column));
        return statement is null ? null : (finding.File, statement.Line, statement.Column);
    }
}
