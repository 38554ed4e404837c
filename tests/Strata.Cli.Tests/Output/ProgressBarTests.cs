using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Strata.Cli.Output;

namespace Strata.Cli.Tests.Output;

public sealed class ProgressBarTests
{
    [Theory]
    [InlineData(0, "[..............................]   0% x")]
    [InlineData(24, "[#######.......................]  24% x")]
    [InlineData(100, "[##############################] 100% x")]
    public void A_bar_is_as_full_as_the_percent(double percent, string expected)
    {
        ProgressBar.Render(percent, "x").ShouldBe(expected);
    }

    [Fact]
    public void On_a_terminal_progress_is_redrawn_in_place_and_the_next_line_replaces_it()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var reporter = new Reporter(output, error, OutputMode.Human, Verbosity.Normal, new Style(false), "/") { ProgressBars = true };

        reporter.Progress("BackfillProgress", "10 of 100 rows", new JsonObject { ["percent"] = 10.0 });
        reporter.Progress("BackfillProgress", "50 of 100 rows", new JsonObject { ["percent"] = 50.0 });
        reporter.Progress("BackfillCompleted", "done", new JsonObject(), LogLevel.Information);

        error.ToString().ShouldBe(
            ProgressBar.Clear + ProgressBar.Render(10, "10 of 100 rows") + ProgressBar.Clear + ProgressBar.Render(50, "50 of 100 rows") +
            ProgressBar.Clear + "done" + Environment.NewLine);
    }

    [Fact]
    public void Piped_progress_is_a_plain_line_each_time()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var reporter = new Reporter(output, error, OutputMode.Human, Verbosity.Normal, new Style(false), "/");

        reporter.Progress("BackfillProgress", "10 of 100 rows", new JsonObject { ["percent"] = 10.0 });

        error.ToString().ShouldBe("10 of 100 rows" + Environment.NewLine);
    }
}
