using System.Globalization;

namespace Strata.Scenarios.Support;

/// <summary>A duration as the CLI flags and the web host's configuration both read it.</summary>
public static class DurationText
{
    public static string Of(TimeSpan duration) => ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
