using Strata.Cli.Output;

namespace Strata.Cli.Tests.Output;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(4.24, "4.2 ms")]
    [InlineData(850, "850 ms")]
    [InlineData(999.4, "999 ms")]
    [InlineData(1_000, "1.0 s")]
    [InlineData(1_350, "1.3 s")]
    [InlineData(42_700, "42 s")]
    [InlineData(307_000, "5 min 07 s")]
    [InlineData(10_920_000, "3 h 02 min")]
    public void Durations_read_in_milliseconds_then_seconds_then_minutes(double milliseconds, string expected) =>
        DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)).ShouldBe(expected);
}
