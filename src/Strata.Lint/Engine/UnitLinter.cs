using Strata.Core.Migrations;
using Strata.Lint.Parsing;
using Strata.Lint.Rules;

namespace Strata.Lint.Engine;

/// <summary>Runs every rule over one migration's statements in order, applying suppressions.</summary>
internal static class UnitLinter
{
    public static (int Statements, int Suppressed) Lint(LintUnit unit, LintOptions options, RunKnowledge knowledge, List<LintFinding> findings)
    {
        var statements = unit.Statements.Select(s => PgQueryParser.Parse(s, unit.File)).ToList();
        var context = new MigrationContext(options.PostgresVersion, unit.Transactional, knowledge)
        {
            IsPostDeploy = unit.Phase == MigrationPhase.Post,
            ViewsCreated = ViewsCreated(statements),
            TablesGivenPrimaryKey = TablesGivenPrimaryKey(statements),
        };
        var suppressionsOf = SuppressionReader.Read(unit);
        var suppressed = 0;
        foreach (var (parsed, index) in statements.Select((parsed, index) => (parsed, index)))
        {
            var suppressions = suppressionsOf[index];
            context.IsBatched = unit.Batched?.Contains(index) == true;
            foreach (var rule in RuleCatalog.Rules)
            {
                if (!rule.Versions.Contains(options.PostgresVersion))
                {
                    continue;
                }

                foreach (var hit in rule.Check(parsed, context))
                {
                    if (suppressions.Exists(s => s.RuleId == rule.Id && s.Reason is not null))
                    {
                        suppressed++;
                        continue;
                    }

                    findings.Add(Finding(unit.File, parsed, rule, hit));
                }
            }

            foreach (var invalid in suppressions.Where(s => s.Reason is null || !RuleCatalog.Exists(s.RuleId)))
            {
                findings.Add(Finding(unit.File, parsed, RuleCatalog.InvalidSuppression, new RuleHit(-1, InvalidLintIgnore.Describe(invalid))));
            }

            context.Observe(parsed);
        }

        return (unit.Statements.Count, suppressed);
    }

    private static IReadOnlyList<RelationName> ViewsCreated(IEnumerable<ParsedStatement> statements) =>
        [.. statements.Select(s => s.Node).OfType<CreateViewNode>().Select(v => v.View)];

    private static IReadOnlyList<RelationName> TablesGivenPrimaryKey(IEnumerable<ParsedStatement> statements) =>
    [
        .. statements.Select(s => s.Node).OfType<AlterTableNode>()
            .Where(alter => alter.Commands.Any(c => c.Constraint?.Kind == "PRIMARY" || c.Column?.Constraint("PRIMARY") is not null))
            .Select(alter => alter.Table),
    ];

    private static LintFinding Finding(string file, ParsedStatement statement, LintRule rule, RuleHit hit)
    {
        var (line, column) = statement.LocationOf(hit.ByteOffset);
        return new LintFinding(file, line, column, rule.Id, hit.Severity ?? rule.Severity, hit.Message, rule.SafeAlternative);
    }
}
