using Strata.Core.Migrations;

namespace Strata.Lint.Tests.Oracle;

/// <summary>
/// Lints a migration the way the oracle tests run it: the setup is an earlier migration of the same run (so the
/// linter knows its column types and validated checks, but its tables are not new), the migration the next one.
/// </summary>
public static class OracleLint
{
    public static IReadOnlyList<string> Rules(string setup, string migration, int major)
    {
        var earlier = MigrationParser.Parse("1_setup.sql", "-- migrate:up\n" + setup);
        var current = MigrationParser.Parse("2_change.sql", "-- migrate:up\n" + migration + ";\n");
        var result = new MigrationLinter(new LintOptions { PostgresVersion = major }).Lint([earlier, current]);
        return [.. result.Findings.Where(f => f.File == "2_change.sql").Select(f => f.Rule)];
    }
}
