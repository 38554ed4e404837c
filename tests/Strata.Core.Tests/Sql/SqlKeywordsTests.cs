using Strata.Core.Sql;

namespace Strata.Core.Tests.Sql;

public sealed class SqlKeywordsTests
{
    [Theory]
    [InlineData("CREATE INDEX CONCURRENTLY i ON t (a);", true)]
    [InlineData("create   index\n\tconcurrently i ON t (a);", true)]
    [InlineData("CREATE /* why */ INDEX -- note\n CONCURRENTLY i ON t (a);", true)]
    [InlineData("CREATE INDEX i ON t (a);", false)]
    [InlineData("CREATE INDEX", false)]
    [InlineData("CREATE \"INDEX\" CONCURRENTLY", false)]
    [InlineData("CREATE INDEXES CONCURRENTLY", false)]
    [InlineData("", false)]
    public void Matches_leading_keywords_ignoring_case_and_comments(string sql, bool expected)
    {
        SqlKeywords.StartsWith(sql, "CREATE", "INDEX", "CONCURRENTLY").ShouldBe(expected);
    }

    [Fact]
    public void Matches_a_split_statement()
    {
        var statement = SqlSplitter.Split("-- first\nvacuum analyze t;").Statements.Single();

        SqlKeywords.StartsWith(statement, "VACUUM").ShouldBeTrue();
        SqlKeywords.StartsWith(statement, "ANALYZE").ShouldBeFalse();
    }

    [Fact]
    public void Never_throws_on_unterminated_text() =>
        SqlKeywords.StartsWith("CREATE 'x", "CREATE", "INDEX").ShouldBeFalse();
}
