using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Rules;

/// <summary>A finding on one action of a multi-action ALTER TABLE points at that action, not at the statement.</summary>
public sealed class AlterActionLocationTests
{
    private static (int Line, int Column) Where(IReadOnlyList<LintFinding> findings, string rule)
    {
        var finding = findings.Single(f => f.Rule == rule);
        return (finding.Line, finding.Column);
    }

    [Fact]
    public void Set_not_null_and_drop_column_point_at_their_action()
    {
        var findings = LintText.Sql("""
            -- migrate:up
            ALTER TABLE users
              ADD COLUMN b uuid DEFAULT gen_random_uuid(),
              ALTER COLUMN c SET NOT NULL,
              ALTER COLUMN f TYPE bigint,
              DROP COLUMN IF EXISTS "Old, name";
            """);

        Where(findings, "adding-volatile-default").ShouldBe((3, 21));
        Where(findings, "setting-not-null").ShouldBe((4, 3));
        Where(findings, "changing-column-type").ShouldBe((5, 16));
        Where(findings, "dropping-column").ShouldBe((6, 3));
    }

    [Fact]
    public void Validating_a_constraint_the_same_statement_added_points_at_the_validation()
    {
        var findings = LintText.Sql("-- migrate:up\nALTER TABLE users\n  ADD CONSTRAINT k CHECK (a > 0) NOT VALID,\n  VALIDATE CONSTRAINT k;\n");

        Where(findings, "validate-constraint-in-same-transaction").ShouldBe((4, 3));
    }

    [Theory]
    [InlineData("ALTER TABLE users ALTER COLUMN c SET NOT NULL;", 19)]
    [InlineData("ALTER TABLE IF EXISTS ONLY app.users ALTER COLUMN c SET NOT NULL;", 38)]
    [InlineData("ALTER TABLE \"my.Users\" /* , */ ALTER COLUMN c SET NOT NULL;", 32)]
    [InlineData("ALTER TABLE users * ALTER COLUMN c SET NOT NULL;", 21)]
    [InlineData("ALTER TABLE U&\"us\\0065rs\" ALTER COLUMN c SET NOT NULL;", 27)]
    [InlineData("ALTER TABLE naïve ALTER COLUMN d SET DEFAULT 'a,b', ALTER COLUMN c SET NOT NULL;", 53)]
    [InlineData("ALTER TABLE users ALTER COLUMN d SET DEFAULT ARRAY[1, 2], ALTER COLUMN c SET NOT NULL;", 59)]
    public void The_action_is_found_after_any_table_name(string sql, int column)
    {
        LintText.Sql(sql).Single(f => f.Rule == "setting-not-null").Column.ShouldBe(column);
    }

    [Fact]
    public void A_drop_in_a_post_deploy_migration_points_at_its_action_too()
    {
        var finding = LintText.Sql("-- migrate:up phase:post\nALTER TABLE users ADD COLUMN n text, DROP COLUMN nick;\n").Single(f => f.Rule == "dropping-column");

        (finding.Line, finding.Column, finding.Severity).ShouldBe((2, 38, LintSeverity.Info));
    }
}
