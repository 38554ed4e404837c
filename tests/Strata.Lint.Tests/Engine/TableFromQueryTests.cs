using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Engine;

/// <summary>A table made from a query in the migration is as new as one made by CREATE TABLE.</summary>
public sealed class TableFromQueryTests
{
    [Theory]
    [InlineData("SELECT id, email INTO user_emails FROM users;")]
    [InlineData("SELECT id, email INTO TABLE user_emails FROM users WHERE id > 10;")]
    [InlineData("SELECT id, email INTO user_emails FROM users UNION SELECT id, email FROM old_users;")]
    [InlineData("WITH recent AS (SELECT id, email FROM users) SELECT * INTO user_emails FROM recent;")]
    [InlineData("CREATE TABLE user_emails AS SELECT id, email FROM users;")]
    [InlineData("CREATE TABLE user_emails AS SELECT id, email FROM users WITH NO DATA;")]
    public void Statements_on_a_table_made_from_a_query_in_the_same_migration_are_not_lock_hazards(string create)
    {
        LintText.Rules($"""
            {create}
            CREATE INDEX user_emails_email_idx ON user_emails (email);
            ALTER TABLE user_emails ADD PRIMARY KEY (id);
            ALTER TABLE user_emails ALTER COLUMN email SET NOT NULL;
            UPDATE user_emails SET email = lower(email);
            """).ShouldBeEmpty();
    }

    [Fact]
    public void A_plain_select_creates_nothing()
    {
        LintText.Rules("""
            SELECT id, email FROM users;
            CREATE INDEX user_emails_email_idx ON user_emails (email);
            """).ShouldBe(["require-concurrent-index-creation"]);
    }
}
