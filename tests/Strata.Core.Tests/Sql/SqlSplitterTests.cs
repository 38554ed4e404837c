using Strata.Core.Sql;

namespace Strata.Core.Tests.Sql;

public sealed class SqlSplitterTests
{
    public static TheoryData<string, string, string[]> Cases => new()
    {
        { "one statement", "SELECT 1;", ["SELECT 1;"] },
        { "two statements", "SELECT 1; SELECT 2;", ["SELECT 1;", "SELECT 2;"] },
        { "last statement without semicolon", "SELECT 1;\nSELECT 2", ["SELECT 1;", "SELECT 2"] },
        { "trailing trivia after a final statement without semicolon", "SELECT 2 -- done\n\n", ["SELECT 2"] },
        { "empty input", "", [] },
        { "only whitespace and comments", "  \n-- a\n/* b */\n", [] },
        { "empty statements", ";;SELECT 1;; ;", ["SELECT 1;"] },
        { "comment-only statement", "/* x */ ; SELECT 1;", ["SELECT 1;"] },
        { "leading comment is trivia", "-- note\nSELECT 1;", ["SELECT 1;"] },
        { "comment inside a statement stays", "SELECT /* ; */ 1 -- ;\n + 2;", ["SELECT /* ; */ 1 -- ;\n + 2;"] },
        { "semicolon in string", "SELECT 'a;b'; SELECT 2;", ["SELECT 'a;b';", "SELECT 2;"] },
        { "doubled quote in string", "SELECT 'it''s;'; SELECT 2;", ["SELECT 'it''s;';", "SELECT 2;"] },
        { "backslash is literal in a plain string", @"SELECT 'a\'; SELECT 2;", [@"SELECT 'a\';", "SELECT 2;"] },
        { "escape string with backslash quote", @"SELECT E'it\'s;'; SELECT 2;", [@"SELECT E'it\'s;';", "SELECT 2;"] },
        { "lowercase escape string", @"SELECT e'\\'; SELECT 2;", [@"SELECT e'\\';", "SELECT 2;"] },
        { "escape string with doubled quote", "SELECT E'a'';b'; SELECT 2;", ["SELECT E'a'';b';", "SELECT 2;"] },
        { "word ending in e is not an escape prefix", @"SELECT some'x\'; SELECT 2;", [@"SELECT some'x\';", "SELECT 2;"] },
        { "unicode string", "SELECT U&'d\\0061t;a'; SELECT 2;", ["SELECT U&'d\\0061t;a';", "SELECT 2;"] },
        { "bit and hex strings", "SELECT B'1;0', X'1F;'; SELECT 2;", ["SELECT B'1;0', X'1F;';", "SELECT 2;"] },
        { "national string", "SELECT N'a;b'; SELECT 2;", ["SELECT N'a;b';", "SELECT 2;"] },
        { "quoted identifier with semicolon", "SELECT 1 AS \"semi;colon\"; SELECT 2;", ["SELECT 1 AS \"semi;colon\";", "SELECT 2;"] },
        { "doubled quote in identifier", "SELECT 1 AS \"a\"\";b\"; SELECT 2;", ["SELECT 1 AS \"a\"\";b\";", "SELECT 2;"] },
        { "unicode quoted identifier", "SELECT 1 AS U&\"a;b\"; SELECT 2;", ["SELECT 1 AS U&\"a;b\";", "SELECT 2;"] },
        { "dollar quote", "SELECT $$a;b$$; SELECT 2;", ["SELECT $$a;b$$;", "SELECT 2;"] },
        { "tagged dollar quote", "SELECT $fn$a;$$;b$fn$; SELECT 2;", ["SELECT $fn$a;$$;b$fn$;", "SELECT 2;"] },
        { "dollar tag with digits and underscore", "SELECT $_a1$;$_a1$; SELECT 2;", ["SELECT $_a1$;$_a1$;", "SELECT 2;"] },
        { "dollar tags are case-sensitive", "SELECT $A$ $a$; $A$; SELECT 2;", ["SELECT $A$ $a$; $A$;", "SELECT 2;"] },
        { "nested dollar quotes with different tags", "DO $outer$ BEGIN EXECUTE $inner$ SELECT ';' $inner$; END $outer$; SELECT 2;", ["DO $outer$ BEGIN EXECUTE $inner$ SELECT ';' $inner$; END $outer$;", "SELECT 2;"] },
        { "dollar quote containing quotes and comments", "SELECT $$ ' \" /* -- $$; SELECT 2;", ["SELECT $$ ' \" /* -- $$;", "SELECT 2;"] },
        { "parameter is not a dollar quote", "PREPARE p AS SELECT $1; SELECT $2;", ["PREPARE p AS SELECT $1;", "SELECT $2;"] },
        { "dollar inside an identifier is not a quote", "SELECT a$$b; SELECT 2;", ["SELECT a$$b;", "SELECT 2;"] },
        { "lone dollar is a symbol", "SELECT $ ; SELECT 2;", ["SELECT $ ;", "SELECT 2;"] },
        { "dollar tag cannot start with a digit", "SELECT $1a$; SELECT 2;", ["SELECT $1a$;", "SELECT 2;"] },
        { "nested block comments", "SELECT 1 /* a /* b; */ c; */; SELECT 2;", ["SELECT 1 /* a /* b; */ c; */;", "SELECT 2;"] },
        { "quote inside a comment", "-- it's\nSELECT 1; /* don't */ SELECT 2;", ["SELECT 1;", "SELECT 2;"] },
        { "line comment ends at CR", "SELECT 1 -- x\rSELECT 2;", ["SELECT 1 -- x\rSELECT 2;"] },
        { "CRLF line endings", "SELECT 1;\r\nSELECT 2;\r\n", ["SELECT 1;", "SELECT 2;"] },
        { "operator before a comment", "SELECT 1 +-- c\n2; SELECT 2;", ["SELECT 1 +-- c\n2;", "SELECT 2;"] },
        { "semicolon inside parentheses", "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 2;", ["CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));", "SELECT 2;"] },
        { "unbalanced closing parenthesis", "SELECT 1); SELECT 2;", ["SELECT 1);", "SELECT 2;"] },
        { "begin atomic function body", "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3;", ["CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;", "SELECT 3;"] },
        { "begin atomic with case", "create or replace procedure p() language sql begin atomic select case when true then 1 end; end; SELECT 3;", ["create or replace procedure p() language sql begin atomic select case when true then 1 end; end;", "SELECT 3;"] },
        { "begin outside a routine is a transaction", "BEGIN; SELECT 1; END;", ["BEGIN;", "SELECT 1;", "END;"] },
        { "create or replace view does not track begin", "CREATE OR REPLACE VIEW v AS SELECT 1 AS begin; SELECT 2;", ["CREATE OR REPLACE VIEW v AS SELECT 1 AS begin;", "SELECT 2;"] },
        { "begin inside parentheses of a routine", "CREATE FUNCTION f(begin int) RETURNS int RETURN 1; SELECT 2;", ["CREATE FUNCTION f(begin int) RETURNS int RETURN 1;", "SELECT 2;"] },
        { "plpgsql function body", "CREATE FUNCTION f() RETURNS void AS $$ BEGIN PERFORM 1; END $$ LANGUAGE plpgsql; SELECT 2;", ["CREATE FUNCTION f() RETURNS void AS $$ BEGIN PERFORM 1; END $$ LANGUAGE plpgsql;", "SELECT 2;"] },
        { "copy to stdout is allowed", "COPY t TO STDOUT; SELECT 2;", ["COPY t TO STDOUT;", "SELECT 2;"] },
        { "non-ASCII identifiers", "SELECT 1 AS café; SELECT '😀;';", ["SELECT 1 AS café;", "SELECT '😀;';"] },
        { "numbers", "SELECT 1.5e10, .5, 0x1F, 1_000; SELECT 2;", ["SELECT 1.5e10, .5, 0x1F, 1_000;", "SELECT 2;"] },
        { "type cast and array slice", "SELECT a[1:2]::int[]; SELECT 2;", ["SELECT a[1:2]::int[];", "SELECT 2;"] },
        { "adjacent string continuation", "SELECT 'a'\n'b;'; SELECT 2;", ["SELECT 'a'\n'b;';", "SELECT 2;"] },
        { "pg_dump's restrict lines", "\\restrict Ab1x\r\n\r\nSET x = 1;\nSELECT 2;\n\\unrestrict Ab1x\n", ["SET x = 1;", "SELECT 2;"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_statements_where_psql_would(string name, string sql, string[] expected)
    {
        var script = SqlSplitter.Split(sql);

        script.Statements.Select(s => s.Text).ShouldBe(expected, name);
        string.Concat(script.Segments.Select(s => s.Text)).ShouldBe(sql);
    }

    [Fact]
    public void Segments_alternate_trivia_and_statements_and_cover_the_input()
    {
        var script = SqlSplitter.Split("-- head\nSELECT 1; ;\nSELECT 2 -- tail\n");

        script.Segments.Select(s => (s.Kind, s.Text)).ShouldBe(
        [
            (SqlSegmentKind.Trivia, "-- head\n"),
            (SqlSegmentKind.Statement, "SELECT 1;"),
            (SqlSegmentKind.Trivia, " ;\n"),
            (SqlSegmentKind.Statement, "SELECT 2"),
            (SqlSegmentKind.Trivia, " -- tail\n"),
        ]);
        script.Segments.Select(s => s.Offset).ShouldBe([0, 8, 17, 20, 28]);
    }

    [Fact]
    public void Statement_offsets_index_the_input()
    {
        const string sql = "/* a */ SELECT 1;\n  SELECT 2;";

        var statements = SqlSplitter.Split(sql).Statements;

        statements.Select(s => s.Offset).ShouldBe([8, 20]);
        statements.ShouldAllBe(s => sql.Substring(s.Offset, s.Text.Length) == s.Text);
    }

    [Fact]
    public void Rejects_null_input() =>
        Should.Throw<ArgumentNullException>(() => SqlSplitter.Split(null!));
}
