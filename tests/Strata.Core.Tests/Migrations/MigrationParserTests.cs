using System.Text;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

public sealed class MigrationParserTests
{
    private const string Source = "db/migrations/20240611093000_add_users.sql";

    [Fact]
    public void Parses_version_description_sections_and_checksum()
    {
        const string content = "-- migrate:up\nCREATE TABLE users (id int);\nCREATE INDEX ON users (id);\n\n-- migrate:down\nDROP TABLE users;\n";

        var migration = MigrationParser.Parse(Source, content);

        migration.Version.ShouldBe(MigrationVersion.Parse("20240611093000"));
        migration.Description.ShouldBe("add_users");
        migration.Source.ShouldBe(Source);
        migration.Up.Sql.ShouldBe("CREATE TABLE users (id int);\nCREATE INDEX ON users (id);\n\n");
        migration.Up.Statements.Select(s => (s.Text, s.Line)).ShouldBe([("CREATE TABLE users (id int);", 2), ("CREATE INDEX ON users (id);", 3)]);
        migration.Up.DirectiveLine.ShouldBe(1);
        migration.Up.Options.ShouldBe(MigrationOptions.Default);
        migration.Down.ShouldNotBeNull();
        migration.Down.Sql.ShouldBe("DROP TABLE users;\n");
        migration.Down.Statements.Single().Line.ShouldBe(6);
        migration.Down.DirectiveLine.ShouldBe(5);
        migration.Checksum.ShouldBe(MigrationChecksum.Compute(content));
    }

    [Fact]
    public void Allows_comments_and_blank_lines_before_the_up_section()
    {
        var migration = MigrationParser.Parse(Source, "-- Adds users.\n/* ticket 42; see 'notes' */\n\n-- migrate:up\nSELECT 1;\n");

        migration.Up.Statements.Single().Line.ShouldBe(5);
    }

    [Fact]
    public void Treats_a_missing_down_section_as_none() =>
        MigrationParser.Parse(Source, "-- migrate:up\nSELECT 1;\n").Down.ShouldBeNull();

    [Fact]
    public void Keeps_a_down_section_without_statements_as_an_empty_section_with_its_line() =>
        MigrationParser.Parse(Source, "-- migrate:up\nSELECT 1;\n-- migrate:down\n-- irreversible\n\n").Down.ShouldSatisfyAllConditions(
            down => down!.IsEmpty.ShouldBeTrue(),
            down => down!.DirectiveLine.ShouldBe(3));

    [Theory]
    [InlineData("--migrate:up\nSELECT 1;")]
    [InlineData("  \t-- migrate:up\nSELECT 1;")]
    [InlineData("--   migrate:up   \nSELECT 1;")]
    [InlineData("-- migrate:up\r\nSELECT 1;\r\n")]
    [InlineData("-- migrate:up\rSELECT 1;\r")]
    public void Accepts_the_directive_spellings_dbmate_accepts(string content) =>
        MigrationParser.Parse(Source, content).Up.Statements.Single().Line.ShouldBe(2);

    [Fact]
    public void Reads_CRLF_files_with_the_same_lines_and_checksum_as_LF_files()
    {
        const string lf = "-- migrate:up transaction:false\nSELECT 1;\n\nSELECT 2;\n-- migrate:down\nSELECT 3;\n";
        var crlf = lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        var fromLf = MigrationParser.Parse(Source, lf);
        var fromCrlf = MigrationParser.Parse(Source, crlf);

        fromCrlf.Up.Statements.Select(s => (s.Text, s.Line)).ShouldBe(fromLf.Up.Statements.Select(s => (s.Text, s.Line)));
        fromCrlf.Down!.Statements.Single().Line.ShouldBe(6);
        fromCrlf.Up.Options.Transaction.ShouldBeFalse();
        fromCrlf.Checksum.ShouldBe(fromLf.Checksum);
    }

    [Fact]
    public void Strips_a_byte_order_mark_from_text_and_bytes()
    {
        const string content = "-- migrate:up\nSELECT 'é';\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(content)).ToArray();

        var fromText = MigrationParser.Parse(Source, "\uFEFF" + content);
        var fromBytes = MigrationParser.Parse(Source, bytes);

        fromText.Checksum.ShouldBe(MigrationChecksum.Compute(content));
        fromBytes.Checksum.ShouldBe(MigrationChecksum.Compute(content));
        fromBytes.Up.Statements.Single().Text.ShouldBe("SELECT 'é';");
    }

    [Fact]
    public void Places_statements_of_both_sections_on_their_file_lines()
    {
        const string content = "-- migrate:up\n\n  CREATE TABLE t (a int);\n/* c */ SELECT 1;\n-- migrate:down\n\n\n    DROP TABLE t;";

        var migration = MigrationParser.Parse(Source, content);

        migration.Up.Statements.Select(s => (s.Line, s.Column)).ShouldBe([(3, 3), (4, 9)]);
        migration.Down!.Statements.Select(s => (s.Line, s.Column)).ShouldBe([(8, 5)]);
    }

    [Fact]
    public void Reports_SQL_errors_with_the_file_line()
    {
        var error = Should.Throw<SqlSyntaxException>(() => MigrationParser.Parse(Source, "-- migrate:up\nSELECT 1;\nSELECT 'oops;\n-- migrate:down\n"));

        error.Message.ShouldStartWith($"{Source}:3:8: unterminated string");
    }

    [Fact]
    public void Reports_SQL_errors_in_the_down_section_with_the_file_line()
    {
        var error = Should.Throw<SqlSyntaxException>(() => MigrationParser.Parse(Source, "-- migrate:up\nSELECT 1;\n-- migrate:down\n\\c other\n"));

        error.Message.ShouldStartWith($"{Source}:4:1: psql meta-command \\c");
    }
}
