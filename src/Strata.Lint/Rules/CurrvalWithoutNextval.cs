using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// <c>currval</c> and <c>lastval</c> return what the session's last <c>nextval</c> gave. With nothing before them in
/// the migration that takes a value, that is an earlier migration's value when both run in one <c>up</c>, and an
/// error when this one runs alone: the same files pass on a fresh database and fail in a later deploy.
/// </summary>
internal sealed class CurrvalWithoutNextval : LintRule
{
    public override string Id => "currval-without-nextval";

    public override LintSeverity Severity => LintSeverity.Warning;

    public override string Summary => "currval() or lastval() with no nextval before it in the migration reads a value an earlier migration took: it works when both run in one up and fails when this one runs alone.";

    public override string SafeAlternative => "Look the row up by what identifies it (SELECT id FROM plans WHERE name = 'team'), or take the value in this migration (INSERT … RETURNING in a WITH clause).";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (context.SequenceValueTakenHere || statement.Node.TakesSequenceValue)
        {
            yield break;
        }

        if (statement.Node.FunctionsCalled.FirstOrDefault(f => f is "currval" or "lastval") is { } reader)
        {
            yield return Hit(
                -1,
                $"{reader}() reads the value the session's last nextval() gave, and no statement before it in this migration takes one: " +
                $"in one up with the migration before it, it gets that migration's value; run alone, it fails: the server says {reader} is not yet defined in this session.");
        }
    }
}
