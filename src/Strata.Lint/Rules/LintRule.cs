using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// One hazard. Each rule lives in its own file with <c>&lt;Name&gt;.ok.sql</c> and <c>&lt;Name&gt;.error.sql</c> beside
/// it and a page at <c>docs/lint/&lt;id&gt;.md</c>.
/// </summary>
internal abstract class LintRule
{
    public abstract string Id { get; }

    public abstract LintSeverity Severity { get; }

    /// <summary>One line: the hazard, in general terms.</summary>
    public abstract string Summary { get; }

    public abstract string SafeAlternative { get; }

    public virtual PostgresVersions Versions => PostgresVersions.All;

    public LintRuleInfo Info => new(Id, Severity, Summary, SafeAlternative, Versions);

    /// <summary>The places <paramref name="statement"/> breaks the rule, given what came before it.</summary>
    public abstract IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context);

    protected static RuleHit Hit(int byteOffset, string message) => new(byteOffset, message);

    /// <summary>
    /// A hit that breaks the application version still running during a rolling deploy: in a <c>phase:post</c>
    /// migration that version is gone by the time it runs, so the change is the contract step of expand/contract and
    /// is only noted (<see cref="LintSeverity.Info"/>), saying so. It stands at <paramref name="byteOffset"/>, the
    /// statement's start by default.
    /// </summary>
    protected static RuleHit BreakingHit(MigrationContext context, string message, int byteOffset = -1) => context.IsPostDeploy
        ? new RuleHit(byteOffset, message + MigrationContext.ContractStepNote, LintSeverity.Info)
        : new RuleHit(byteOffset, message);

    /// <summary>
    /// The <paramref name="action"/> actions of an ALTER TABLE on a table that existed before this migration: on a
    /// table the migration created, nobody else can be waiting, so no action is a lock hazard.
    /// </summary>
    protected static IEnumerable<(RelationName Table, AlterTableCommand Command)> ExistingTableActions(
        ParsedStatement statement, MigrationContext context, string action) =>
        statement.Node is AlterTableNode alter && !context.IsCreatedHere(alter.Table)
            ? alter.Commands.Where(c => c.Action == action).Select(c => (alter.Table, c))
            : [];
}
