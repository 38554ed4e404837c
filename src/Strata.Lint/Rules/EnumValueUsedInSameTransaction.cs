using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// A value added by ALTER TYPE ... ADD VALUE cannot be used until its transaction commits (PostgreSQL 12+); before
/// 12, ADD VALUE cannot run in a transaction block at all.
/// </summary>
internal sealed class EnumValueUsedInSameTransaction : LintRule
{
    public override string Id => "enum-value-used-in-same-transaction";

    public override LintSeverity Severity => LintSeverity.Error;

    public override string Summary => "An enum value added in a transaction cannot be used in that transaction: the statement fails with SQLSTATE 55P04.";

    public override string SafeAlternative => "Add the enum value in its own migration and use it in a later one.";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (!context.InTransaction)
        {
            yield break;
        }

        if (statement.Node is AddEnumValueNode added && context.PostgresVersion < 12)
        {
            yield return Hit(-1, $"before PostgreSQL 12, ALTER TYPE {added.Type} ADD VALUE cannot run inside a transaction block, and this migration runs in one.");
            yield break;
        }

        var used = statement.Node.StringLiterals.FirstOrDefault(context.IsEnumValueAddedInTransaction);
        if (used is not null)
        {
            yield return Hit(-1, $"'{used}' was added to its enum in this transaction and cannot be used until it commits (unsafe use of new value).");
        }
    }
}
