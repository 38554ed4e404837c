namespace Strata.Lint.Tests.Support;

/// <summary>Short ways to lint SQL text in tests.</summary>
public static class LintText
{
    /// <summary>A name that parses as a migration file, for texts with a '-- migrate:up' line.</summary>
    public const string MigrationName = "20260101000000_example.sql";

    public static IReadOnlyList<LintFinding> Sql(string sql, int postgresVersion = LintOptions.DefaultPostgresVersion) =>
        new MigrationLinter(new LintOptions { PostgresVersion = postgresVersion }).LintScript(MigrationName, sql).Findings;

    public static IReadOnlyList<string> Rules(string sql, int postgresVersion = LintOptions.DefaultPostgresVersion) =>
        [.. Sql(sql, postgresVersion).Select(f => f.Rule)];
}
