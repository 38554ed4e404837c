using Strata.Core.Errors;
using Strata.Core.Sql;
using Strata.Lint.Parsing;

namespace Strata.Lint.Tests.Parsing;

public sealed class PgQueryParserTests
{
    private static ParsedStatement Parse(string sql) => PgQueryParser.Parse(SqlSplitter.Split(sql).Statements[0], "m.sql");

    [Fact]
    public void Reads_a_concurrent_index_build_with_its_table()
    {
        var node = Parse("CREATE UNIQUE INDEX CONCURRENTLY i ON app.users (email);").Node.ShouldBeOfType<CreateIndexNode>();
        node.ShouldBe(node with { Table = new RelationName("app", "users"), Name = "i", Unique = true, Concurrent = true });
    }

    [Fact]
    public void Reads_alter_table_actions_in_order_with_their_details()
    {
        var node = Parse("ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT random(), ALTER COLUMN x TYPE bigint USING x::bigint, " +
            "ADD CONSTRAINT k CHECK (y IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT k").Node.ShouldBeOfType<AlterTableNode>();
        node.Commands.Select(c => c.Action).ShouldBe(["AddColumn", "AlterColumnType", "AddConstraint", "ValidateConstraint"]);
        node.Commands[0].Column!.Constraint("DEFAULT")!.Expression.Functions.ShouldBe(["random"]);
        node.Commands[0].Column!.Type!.Name.ShouldBe("int4");
        node.Commands[1].HasUsing.ShouldBeTrue();
        node.Commands[2].Constraint!.NotValid.ShouldBeTrue();
        node.Commands[2].Constraint!.Expression.NotNullColumns.ShouldBe(["y"]);
        node.Commands[3].Name.ShouldBe("k");
    }

    [Fact]
    public void Reads_type_modifiers_and_arrays()
    {
        var node = Parse("CREATE TABLE t (a varchar(20), b numeric(10,2), c text[], d timestamp)").Node.ShouldBeOfType<CreateTableNode>();
        node.Columns.Select(c => c.Type!.ToString()).ShouldBe(["varchar(20)", "numeric(10,2)", "text[]", "timestamp"]);
    }

    [Fact]
    public void Maps_utf8_byte_offsets_to_the_file_s_line_and_column()
    {
        // 'é' and '🙂' take 2 and 4 UTF-8 bytes; columns count code points, as PostgreSQL counts positions.
        var script = SqlSplitter.Split("SELECT 1;\n  ALTER TABLE \"té🙂\" ADD COLUMN c uuid DEFAULT gen_random_uuid();");
        var parsed = PgQueryParser.Parse(script.Statements[1], "m.sql");
        var command = parsed.Node.ShouldBeOfType<AlterTableNode>().Commands[0];
        var location = parsed.LocationOf(command.Column!.Constraint("DEFAULT")!.Location);
        var line = "  ALTER TABLE \"té🙂\" ADD COLUMN c uuid DEFAULT gen_random_uuid();";
        var before = line[..line.IndexOf("DEFAULT", StringComparison.Ordinal)];
        location.ShouldBe((2, before.EnumerateRunes().Count() + 1));
    }

    [Fact]
    public void Rejects_what_postgresql_rejects_with_the_file_line_and_column()
    {
        var script = SqlSplitter.Split("SELECT 1;\nALTER TABLE t ADD COLUMN;");
        var error = Should.Throw<SqlSyntaxException>(() => PgQueryParser.Parse(script.Statements[1], "m.sql"));
        error.Line.ShouldBe(2);
        error.Column.ShouldBe("ALTER TABLE t ADD COLUMN".Length + 1);
        error.Message.ShouldBe("m.sql:2:25: syntax error at or near \";\" (rejected by the PostgreSQL 15 grammar strata lint parses with)");
    }

    [Fact]
    public void Places_a_syntax_error_after_multibyte_text_at_the_column_the_server_names()
    {
        // PostgreSQL and psql put this error at character 22: 'é' and '😀' count one each, though UTF-8 gives them 2 and 4 bytes.
        var script = SqlSplitter.Split("SELECT 1;\nSELECT 'é😀', 1 FROM (;");
        var error = Should.Throw<SqlSyntaxException>(() => PgQueryParser.Parse(script.Statements[1], "m.sql"));
        (error.Line, error.Column).ShouldBe((2, 22));
    }

    [Fact]
    public void Collects_string_literals_for_value_use()
    {
        Parse("UPDATE t SET s = 'new' WHERE k IN ('a', 'b')").Node.StringLiterals.ShouldBe(["new", "a", "b"], ignoreOrder: true);
    }

    [Fact]
    public void Collects_only_string_literals_at_any_depth_in_statement_order()
    {
        // Numbers, booleans, NULL and bit strings are constants too, but not strings; '' is one; names are not literals.
        Parse("""
            INSERT INTO t (a, b, c) VALUES ('one', 2, lower(concat('Two', ''))), (NULL, 3.5, upper('it''s')), ('x', TRUE, B'101')
            ON CONFLICT (a) DO UPDATE SET c = coalesce(t.c, E'tab\there')
            """).Node.StringLiterals.ShouldBe(["one", "Two", "", "it's", "x", "tab\there"]);
    }
}
