using Strata.Lint.Tests.Support;

namespace Strata.Lint.Tests.Rules;

/// <summary>
/// <c>DEFAULT NULL</c> gives existing rows null, as no default does: it never rewrites the table, not even before
/// PostgreSQL 11, where only a non-null default did (the server oracle cannot run 10; see ServerOracleTests for the
/// failure of <c>NOT NULL DEFAULT NULL</c> on the test server).
/// </summary>
public sealed class DefaultNullTests
{
    [Theory]
    [InlineData("ALTER TABLE users ADD COLUMN c2 text DEFAULT NULL;")]
    [InlineData("ALTER TABLE users ADD COLUMN c2 text DEFAULT NULL::text;")]
    [InlineData("ALTER TABLE users ADD COLUMN c2 text DEFAULT CAST(NULL AS text);")]
    public void A_null_default_does_not_rewrite_before_postgresql_11(string sql)
    {
        LintText.Rules(sql, postgresVersion: 10).ShouldBeEmpty();
    }

    [Fact]
    public void A_non_null_default_still_rewrites_before_postgresql_11()
    {
        LintText.Rules("ALTER TABLE users ADD COLUMN c2 text DEFAULT 'x';", postgresVersion: 10).ShouldBe(["adding-volatile-default"]);
    }
}
