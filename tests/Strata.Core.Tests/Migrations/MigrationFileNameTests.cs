using System.Text;
using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

public sealed class MigrationFileNameTests
{
    private const string Content = "-- migrate:up\nSELECT 1;\n";

    [Theory]
    [InlineData("20240611093000_add_users.sql", "20240611093000", "add_users")]
    [InlineData("db/migrations/001_init.sql", "1", "init")]
    [InlineData("C:\\app\\db\\42_a.b-c.sql", "42", "a.b-c")]
    [InlineData("7_.sql", "7", "")]
    [InlineData("7.sql", "7", "")]
    public void Reads_the_version_and_description_from_the_file_name(string source, string version, string description)
    {
        var migration = MigrationParser.Parse(source, Content);

        (migration.Version.Value, migration.Description).ShouldBe((version, description));
    }

    [Theory]
    [InlineData("add_users.sql")]
    [InlineData("v1_add_users.sql")]
    [InlineData("2024-06-11_add_users.sql")]
    [InlineData("20240611add_users.sql")]
    [InlineData("20240611_add_users.SQL")]
    [InlineData("_1.sql")]
    public void Refuses_a_file_name_that_does_not_follow_the_pattern(string name)
    {
        var error = Should.Throw<MigrationFileException>(() => MigrationParser.Parse($"db/{name}", Content));

        error.Message.ShouldStartWith($"db/{name}: the file name does not match <version>_<description>.sql");
        error.FileName.ShouldBe($"db/{name}");
    }

    [Fact]
    public void Refuses_a_file_that_is_not_UTF8_naming_the_line_and_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes("-- migrate:up\nSELECT 'caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("';\n")).ToArray();

        var error = Should.Throw<MigrationFileException>(() => MigrationParser.Parse("1_x.sql", bytes));

        error.Message.ShouldBe("1_x.sql:2: the file is not valid UTF-8 (byte 0xE9 at byte offset 25 is not part of a valid UTF-8 sequence); save it as UTF-8.");
        error.Line.ShouldBe(2);
    }

    [Fact]
    public void Counts_the_byte_order_mark_in_the_offset_of_a_bad_byte()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, (byte)'\n', (byte)'\n', 0xC3];

        var error = Should.Throw<MigrationFileException>(() => MigrationParser.Parse("1_x.sql", bytes));

        error.Message.ShouldContain("byte 0xC3 at byte offset 5");
        error.Line.ShouldBe(3);
    }

    [Fact]
    public void Says_when_a_file_looks_like_UTF16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Content)).ToArray();

        var error = Should.Throw<MigrationFileException>(() => MigrationParser.Parse("1_x.sql", bytes));

        error.Message.ShouldBe("1_x.sql:1: the file is not valid UTF-8 (it looks like UTF-16); save it as UTF-8.");
    }
}
