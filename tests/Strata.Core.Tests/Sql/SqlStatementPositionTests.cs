using Strata.Core.Sql;

namespace Strata.Core.Tests.Sql;

public sealed class SqlStatementPositionTests
{
    public static TheoryData<string, string, (int, int)[]> Cases => new()
    {
        { "LF", "SELECT 1;\n  SELECT 2;\n\nSELECT 3;", [(1, 1), (2, 3), (4, 1)] },
        { "CRLF", "SELECT 1;\r\n  SELECT 2;\r\n\r\nSELECT 3;", [(1, 1), (2, 3), (4, 1)] },
        { "lone CR", "SELECT 1;\r  SELECT 2;", [(1, 1), (2, 3)] },
        { "after a block comment spanning lines", "/* a\n b */ SELECT 1;", [(2, 7)] },
        { "same line", "SELECT 1; SELECT 2;", [(1, 1), (1, 11)] },
        { "astral characters count as one column", "SELECT '😀'; SELECT 2;", [(1, 1), (1, 13)] },
        { "inside a multi-line statement", "SELECT $$\n\n$$; SELECT 2;", [(1, 1), (3, 5)] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Places_each_statement_at_its_first_significant_character(string name, string sql, (int, int)[] expected)
    {
        var statements = SqlSplitter.Split(sql).Statements;

        statements.Select(s => (s.Line, s.Column)).ShouldBe(expected, name);
    }

    [Fact]
    public void Offsets_positions_by_where_the_text_starts_in_its_file()
    {
        var options = new SqlSplitOptions { FirstLine = 7, FirstColumn = 4 };

        var statements = SqlSplitter.Split("SELECT 1; SELECT 2;\n SELECT 3;", options).Statements;

        statements.Select(s => (s.Line, s.Column)).ShouldBe([(7, 4), (7, 14), (8, 2)]);
    }

    [Theory]
    [InlineData(1, 6, 3)]
    [InlineData(8, 6, 10)]
    [InlineData(12, 7, 1)]
    [InlineData(14, 7, 3)]
    [InlineData(999, 8, 5)]
    [InlineData(0, 6, 3)]
    public void Maps_a_server_error_position_to_the_file(int position, int line, int column)
    {
        var statement = SqlSplitter.Split("\n\n\n\n  SELECT 1,\r\n  xyz\nFROM;", new SqlSplitOptions { FirstLine = 2 }).Statements.Single();

        statement.LocationOf(position).ShouldBe((line, column));
    }

    [Fact]
    public void Counts_server_positions_in_code_points()
    {
        var statement = SqlSplitter.Split("SELECT '😀', x;").Statements.Single();

        statement.LocationOf(9).ShouldBe((1, 9));
        statement.LocationOf(10).ShouldBe((1, 10));
        statement.LocationOf(13).ShouldBe((1, 13));
    }
}
