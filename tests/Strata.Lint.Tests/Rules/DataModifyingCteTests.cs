using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Rules;

/// <summary>An UPDATE or DELETE in a WITH clause changes rows as a statement of its own would.</summary>
public sealed class DataModifyingCteTests
{
    [Theory]
    [InlineData("WITH changed AS (UPDATE users SET plan = 'free' RETURNING *) SELECT count(*) FROM changed;")]
    [InlineData("WITH gone AS (DELETE FROM sessions RETURNING *) SELECT count(*) FROM gone;")]
    [InlineData("WITH gone AS (DELETE FROM sessions RETURNING *) INSERT INTO archived SELECT * FROM gone;")]
    [InlineData("WITH gone AS (DELETE FROM sessions RETURNING user_id) UPDATE users SET active = false WHERE id IN (SELECT user_id FROM gone);")]
    [InlineData("WITH gone AS (DELETE FROM sessions RETURNING user_id) DELETE FROM tokens WHERE user_id IN (SELECT user_id FROM gone);")]
    [InlineData("WITH a AS (SELECT 1), changed AS (UPDATE users SET plan = 'free' RETURNING id) SELECT * FROM a, changed;")]
    public void An_update_or_delete_of_every_row_in_a_with_clause_is_reported(string sql)
    {
        LintText.Rules(sql).ShouldBe(["unbatched-data-change"]);
    }

    [Theory]
    [InlineData("WITH changed AS (UPDATE users SET plan = 'free' WHERE id < 5000 RETURNING *) SELECT count(*) FROM changed;")]
    [InlineData("WITH gone AS (DELETE FROM sessions WHERE expires < now() RETURNING *) INSERT INTO archived SELECT * FROM gone;")]
    [InlineData("WITH copied AS (INSERT INTO archived SELECT * FROM sessions RETURNING id) SELECT count(*) FROM copied;")]
    [InlineData("WITH recent AS (SELECT id FROM sessions) SELECT count(*) FROM recent;")]
    public void One_limited_by_where_or_that_only_inserts_is_not(string sql)
    {
        LintText.Rules(sql).ShouldBeEmpty();
    }

    [Fact]
    public void One_on_a_table_created_in_the_same_migration_is_not()
    {
        LintText.Rules("""
            CREATE TABLE staging (id bigint PRIMARY KEY, done boolean);
            WITH changed AS (UPDATE staging SET done = true RETURNING id) SELECT count(*) FROM changed;
            """).ShouldBeEmpty();
    }

    [Fact]
    public void Both_the_statement_and_its_with_query_are_reported_and_the_finding_points_at_the_query()
    {
        var findings = LintText.Sql("WITH gone AS (DELETE FROM sessions RETURNING user_id)\nUPDATE users SET active = false;");
        findings.Select(f => (f.Rule, f.Line, f.Column)).ShouldBe([("unbatched-data-change", 1, 1), ("unbatched-data-change", 1, 6)]);
        findings[1].Message.ShouldContain("DELETE of every row of sessions in the WITH query gone");
    }
}
