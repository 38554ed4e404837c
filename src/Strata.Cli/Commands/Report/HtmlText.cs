using System.Net;

namespace Strata.Cli.Commands.Report;

/// <summary>HTML escaping for every piece of text the page shows, including what goes inside SVG.</summary>
internal static class HtmlText
{
    /// <summary><paramref name="text"/> safe as element content or a quoted attribute value.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
