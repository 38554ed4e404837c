using Strata.Cli.Commands.Migrations;
using Strata.Cli.Output;

namespace Strata.Cli.Tests.Output;

public sealed class TextTableTests
{
    [Fact]
    public void Painted_cells_are_coloured_with_their_padding_only_when_colour_is_on()
    {
        var table = new TextTable("VERSION", "STATE", "AT");
        table.Add(["1", "applied", "x"], paintedColumn: 1, text => $"<{text}>");
        table.Add(["20", "pending", "-"], paintedColumn: 1, text => $"<{text}>");

        Render(table, colour: true).ShouldBe(
            "\u001b[1mVERSION  STATE    AT\u001b[0m\n1        <applied  >x\n20       <pending  >-\n");
        Render(table, colour: false).ShouldBe("VERSION  STATE    AT\n1        applied  x\n20       pending  -\n");
    }

    [Theory]
    [InlineData("2026-12-05T13:04:05+02:00", "2026-12-05T11:04:05Z")]
    [InlineData("0099-01-02T03:04:05.9999999+00:00", "0099-01-02T03:04:05Z")]
    [InlineData("2024-02-29T23:59:59-01:00", "2024-03-01T00:59:59Z")]
    public void Timestamps_are_utc_to_the_second_with_a_z(string value, string expected) =>
        MigrationJson.Timestamp(DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    private static string Render(TextTable table, bool colour)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        table.WriteTo(writer, new Style(colour));
        return writer.ToString();
    }
}
