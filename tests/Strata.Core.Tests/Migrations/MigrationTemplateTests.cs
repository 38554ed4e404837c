using Strata.Core.Errors;
using Strata.Core.Migrations;

namespace Strata.Core.Tests.Migrations;

public sealed class MigrationTemplateTests
{
    private static readonly DateTimeOffset Now = new(2024, 6, 11, 9, 30, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("add users", "add_users")]
    [InlineData("  Add Users Table!  ", "add_users_table")]
    [InlineData("add--users__and  orders", "add_users_and_orders")]
    [InlineData("_leading and trailing_", "leading_and_trailing")]
    [InlineData("v2 index", "v2_index")]
    [InlineData("Ajouter élève", "ajouter_élève")]
    public void Names_the_file_after_the_UTC_time_and_the_slugified_description(string description, string slug)
    {
        var (fileName, _) = MigrationTemplate.Create(description, Now);

        fileName.ShouldBe($"20240611093005_{slug}.sql");
    }

    [Fact]
    public void Uses_UTC_whatever_the_offset_of_the_time_given()
    {
        var local = new DateTimeOffset(2024, 6, 11, 23, 30, 0, TimeSpan.FromHours(-5));

        MigrationTemplate.Create("x", local).FileName.ShouldBe("20240612043000_x.sql");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ---")]
    public void Refuses_a_description_without_letters_or_digits(string description)
    {
        var error = Should.Throw<ConfigurationException>(() => MigrationTemplate.Create(description, Now));

        error.Message.ShouldStartWith($"migration description '{description}' has no letters or digits");
    }

    [Fact]
    public void Produces_a_file_the_parser_reads_once_the_up_section_has_SQL()
    {
        var (fileName, content) = MigrationTemplate.Create("add users", Now);
        var filled = content.Replace("-- migrate:down", "CREATE TABLE users (id int);\n\n-- migrate:down", StringComparison.Ordinal);

        var migration = MigrationParser.Parse(fileName, filled);

        migration.Version.Value.ShouldBe("20240611093005");
        migration.Description.ShouldBe("add_users");
        migration.Up.Statements.Single().Text.ShouldBe("CREATE TABLE users (id int);");
        migration.Up.Options.ShouldBe(MigrationOptions.Default);
        migration.Down!.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Produces_a_file_whose_empty_up_section_parses_as_a_no_op()
    {
        var (fileName, content) = MigrationTemplate.Create("add users", Now);

        var migration = MigrationParser.Parse(fileName, content);

        migration.Up.IsEmpty.ShouldBeTrue();
        migration.Up.DirectiveLine.ShouldBe(1);
    }

    [Fact]
    public void Writes_both_directives_and_a_trailing_newline()
    {
        var content = MigrationTemplate.Create("x", Now).Content;

        content.ShouldStartWith("-- migrate:up\n");
        content.ShouldContain("\n-- migrate:down\n");
        content.ShouldEndWith("\n");
        content.ShouldNotContain("\r");
    }
}
