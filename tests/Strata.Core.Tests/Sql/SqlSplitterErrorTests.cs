using Strata.Core.Errors;
using Strata.Core.Sql;

namespace Strata.Core.Tests.Sql;

public sealed class SqlSplitterErrorTests
{
    public static TheoryData<string, int, int, string> Cases => new()
    {
        { "SELECT 1;\nSELECT 'abc;\n\n", 2, 8, "unterminated string" },
        { "SELECT 1;\nSELECT E'it\\'s;\n", 2, 8, "unterminated E'...' string" },
        { "SELECT \"abc;\n", 1, 8, "unterminated quoted identifier" },
        { "SELECT 1;\n\nCREATE FUNCTION f() AS $body$\nBEGIN\nEND $Body$;\n", 3, 24, "the $body$ opened here has no closing $body$" },
        { "SELECT $$ x $ $;", 1, 8, "the $$ opened here has no closing $$" },
        { "SELECT 1;\n  /* a /* b */\n", 2, 3, "unterminated block comment" },
        { "SELECT 1; /*", 1, 11, "unterminated block comment" },
        { "SELECT 1;\n\\connect other\nSELECT 2;", 2, 1, "psql meta-command \\connect is not supported in migrations" },
        { "  \\i other.sql", 1, 3, "psql meta-command \\i is not supported" },
        { "SELECT 1 \\gset", 1, 10, "psql meta-command \\gset" },
        { "SELECT 1\n\\set x 1", 2, 1, "psql meta-command \\set" },
        { "SELECT 1\n\\restrict k\n", 2, 1, "psql meta-command \\restrict" },
        { "SELECT 1;\n  \\unrestrict k\n", 2, 3, "psql meta-command \\unrestrict" },
        { "SELECT 1;\n-- x\nCOPY users (id, name) FROM stdin;\n1\tann\n\\.\n", 3, 1, "COPY ... FROM STDIN is not supported in migrations" },
        { "copy t from /* c */ STDIN with (format csv);", 1, 1, "load the data with INSERT statements" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_file_line_and_column_where_the_problem_starts(string sql, int line, int column, string fragment)
    {
        var error = Should.Throw<SqlSyntaxException>(() => SqlSplitter.Split(sql, new SqlSplitOptions { FileName = "db/m.sql" }));

        error.Message.ShouldStartWith($"db/m.sql:{line}:{column}: ");
        error.Message.ShouldContain(fragment, Case.Sensitive);
        (error.FileName, error.Line, error.Column).ShouldBe(("db/m.sql", line, column));
        error.Code.ShouldBe("sql-syntax");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Names_the_position_without_a_file_when_there_is_none()
    {
        var error = Should.Throw<SqlSyntaxException>(() => SqlSplitter.Split("SELECT 'x"));

        error.Message.ShouldStartWith("line 1, column 8: unterminated string");
        error.FileName.ShouldBeNull();
    }

    [Fact]
    public void Applies_the_first_line_and_column_to_error_positions()
    {
        var options = new SqlSplitOptions { FileName = "m.sql", FirstLine = 10, FirstColumn = 5 };

        var first = Should.Throw<SqlSyntaxException>(() => SqlSplitter.Split("'x", options));
        var later = Should.Throw<SqlSyntaxException>(() => SqlSplitter.Split("SELECT 1;\n  'x", options));

        (first.Line, first.Column).ShouldBe((10, 5));
        (later.Line, later.Column).ShouldBe((11, 3));
    }

    [Fact]
    public void Allows_backslashes_inside_literals_and_comments()
    {
        var script = SqlSplitter.Split("SELECT '\\n', $$\\c$$, \"a\\b\"; -- \\connect\n/* \\i x */");

        script.Statements.Count.ShouldBe(1);
    }

    [Fact]
    public void Allows_copy_from_a_file_and_tables_named_like_stdin()
    {
        var script = SqlSplitter.Split("COPY t FROM '/tmp/stdin'; COPY t FROM stdin_file; COPY (SELECT stdin FROM t) TO STDOUT; COPY (SELECT * FROM stdin) TO STDOUT;");

        script.Statements.Count.ShouldBe(4);
    }
}
