using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

public sealed class MigrationParserErrorTests
{
    private const string Source = "db/migrations/1_x.sql";

    public static TheoryData<string, int?, string> Cases => new()
    {
        { "", null, "no '-- migrate:up' line" },
        { "SELECT 1;\n", null, "no '-- migrate:up' line" },
        { "-- migrate:down\nDROP TABLE t;\n", 1, "'-- migrate:down' without a '-- migrate:up' section" },
        { "-- migrate:down\nSELECT 1;\n-- migrate:up\nSELECT 2;\n", 1, "'-- migrate:down' comes before '-- migrate:up' (line 3)" },
        { "-- migrate:up\nSELECT 1;\n-- migrate:up\nSELECT 2;\n", 3, "a second '-- migrate:up' line (the first is on line 1)" },
        { "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:up\n", 5, "a second '-- migrate:up' line" },
        { "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:down\n", 5, "a second '-- migrate:down' line (the first is on line 3)" },
        { "-- header\nCREATE TABLE t (a int);\n-- migrate:up\nSELECT 1;\n", 2, "SQL before the '-- migrate:up' line (line 3)" },
        { "-- migrate:upp\nSELECT 1;\n", 1, "unknown directive '-- migrate:upp'" },
        { "-- migrate:up\nSELECT 1;\n-- migrate:dwon\n", 3, "unknown directive '-- migrate:dwon'" },
        { "-- Migrate:up\nSELECT 1;\n", 1, "unknown directive '-- Migrate:up': directives are '-- migrate:up' and '-- migrate:down', in lowercase" },
        { "-- migrate: the users table\n-- migrate:up\nSELECT 1;\n", 1, "unknown directive '-- migrate:'" },
        { "-- migrate:up transaction:maybe\nSELECT 1;\n", 1, "transaction:maybe is not valid; write transaction:true or transaction:false" },
        { "-- migrate:up transaction:False\nSELECT 1;\n", 1, "transaction:False is not valid" },
        { "-- migrate:up transation:false\nSELECT 1;\n", 1, "unknown option 'transation' on the '-- migrate:up' line; the options are transaction, lock_timeout, statement_timeout and (on the up line) phase" },
        { "-- migrate:up\nSELECT 1;\n-- migrate:down foo:bar\n", 3, "unknown option 'foo' on the '-- migrate:down' line" },
        { "-- migrate:up transaction\nSELECT 1;\n", 1, "option 'transaction' on the '-- migrate:up' line is not written key:value" },
        { "-- migrate:up lock_timeout:\nSELECT 1;\n", 1, "option 'lock_timeout:' on the '-- migrate:up' line is not written key:value" },
        { "-- migrate:up :5s\nSELECT 1;\n", 1, "is not written key:value" },
        { "-- migrate:up lock_timeout:2s lock_timeout:3s\nSELECT 1;\n", 1, "option lock_timeout appears twice" },
        { "-- migrate:up lock_timeout:5\nSELECT 1;\n", 1, "lock_timeout:5 is not a valid timeout: a number needs a unit; write 5s for seconds or 5ms for milliseconds" },
        { "-- migrate:up statement_timeout:5x\nSELECT 1;\n", 1, "statement_timeout:5x is not a valid timeout: unknown unit 'x'; the units are ms, s, m (or min) and h" },
        { "-- migrate:up statement_timeout:1.5s\nSELECT 1;\n", 1, "unknown unit '.5s'" },
        { "-- migrate:up statement_timeout:-1s\nSELECT 1;\n", 1, "write a whole number with a unit" },
        { "-- migrate:up lock_timeout:25d\nSELECT 1;\n", 1, "unknown unit 'd'" },
        { "-- migrate:up lock_timeout:597h\nSELECT 1;\n", 1, "PostgreSQL's longest timeout is 2147483647ms" },
        { "-- migrate:up lock_timeout:99999999999999999999ms\nSELECT 1;\n", 1, "PostgreSQL's longest timeout is 2147483647ms" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_the_file_line_and_rule_broken(string content, int? line, string fragment)
    {
        var error = Should.Throw<MigrationFileException>(() => MigrationParser.Parse(Source, content));

        error.Message.ShouldStartWith(line is null ? $"{Source}: " : $"{Source}:{line}: ");
        error.Message.ShouldContain(fragment, Case.Sensitive);
        error.Message.ShouldNotContain("\n");
        (error.FileName, error.Line).ShouldBe((Source, line));
        error.Code.ShouldBe("migration-file");
    }

    [Fact]
    public void Reports_SQL_before_the_up_section_when_its_line_runs_on()
    {
        var error = Should.Throw<MigrationFileException>(() => MigrationParser.Parse(Source, "\n\n  SELECT 1 -- note\n-- migrate:up\nSELECT 2;"));

        error.Line.ShouldBe(3);
    }
}
