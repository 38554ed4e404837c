using Strata.Lint.Engine;
using Strata.Lint.Parsing;

namespace Strata.Lint.Rules;

/// <summary>
/// <c>ALTER DATABASE … SET</c> and <c>ALTER ROLE … SET</c> change a default that a session reads when it starts: the
/// migrations after this one in the same run keep the old value, a later run (and the application) gets the new one.
/// </summary>
internal sealed class SettingForNewSessions : LintRule
{
    public override string Id => "setting-for-new-sessions";

    public override LintSeverity Severity => LintSeverity.Info;

    public override string Summary => "ALTER DATABASE … SET and ALTER ROLE … SET reach only sessions that start later: the migrations after this one in the same run do not see the new value, a later run does.";

    public override string SafeAlternative => "Do not let later migrations depend on it: qualify names rather than rely on a new search_path, or SET the value in each migration that needs it (it ends with that migration).";

    public override IEnumerable<RuleHit> Check(ParsedStatement statement, MigrationContext context)
    {
        if (statement.Node is OtherNode { Kind: "AlterDatabaseSetStmt" or "AlterRoleSetStmt" } node)
        {
            var what = node.Kind == "AlterDatabaseSetStmt" ? "database" : "role";
            yield return Hit(-1, $"changes a {what} default that only sessions starting later read: migrations after this one in the same run keep the old value.");
        }
    }
}
