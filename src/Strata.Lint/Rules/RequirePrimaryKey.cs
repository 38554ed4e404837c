using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>A table without a primary key cannot be replicated logically with updates and invites duplicates.</summary>
internal sealed class RequirePrimaryKey : LintRule
{
    public override string Id => "require-primary-key";

    public override LintSeverity Severity => LintSeverity.Warning;

    public override string Summary => "A table without a primary key allows duplicate rows and cannot publish UPDATE or DELETE through logical replication.";

    public override string SafeAlternative => "Give the table a primary key, such as id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (statement.Node is CreateTableNode { IsPartition: false, IsTemporary: false, IsFromQuery: false } create
            && !create.Constraints.Any(c => c.Kind == "PRIMARY")
            && !create.Columns.Any(c => c.Constraint("PRIMARY") is not null)
            && !context.GetsPrimaryKeyHere(create.Table))
        {
            yield return Hit(-1, $"{create.Table} has no primary key.");
        }
    }
}
