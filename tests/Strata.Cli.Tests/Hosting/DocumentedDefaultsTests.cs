using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Core.Configuration;
using Strata.Testing;

namespace Strata.Cli.Tests.Hosting;

/// <summary>The defaults the pages state in passing agree with the one the engine uses.</summary>
public sealed partial class DocumentedDefaultsTests
{
    [Fact]
    public void Every_page_that_states_the_lock_timeout_default_states_the_engines()
    {
        var expected = new MigratorOptions().LockTimeout;
        var pages = Directory.EnumerateFiles(Repository.PathTo("docs"), "*.md", SearchOption.AllDirectories).Append(Repository.PathTo("README.md"));
        var stated = pages
            .SelectMany(page => LockTimeoutDefault().Matches(Whitespace().Replace(File.ReadAllText(page), " "))
                .Select(match => (Page: Path.GetRelativePath(Repository.Root, page), Text: match.Value, Value: Duration(match.Groups["amount"].Value, match.Groups["unit"].Value))))
            .ToList();

        stated.Count.ShouldBeGreaterThanOrEqualTo(3, "the pattern no longer finds the pages that state the default");
        stated.Where(s => s.Value != expected).Select(s => $"{s.Page}: {s.Text}").ShouldBeEmpty();
    }

    private static TimeSpan Duration(string amount, string unit) =>
        TimeSpan.FromMilliseconds(double.Parse(amount, CultureInfo.InvariantCulture) * (unit == "ms" ? 1 : 1000));

    // "`lock_timeout` (Strata's default is 5 s)", "**`lock_timeout` 300 ms**", "the default 300 ms lock timeout".
    [GeneratedRegex(@"`lock_timeout`\**\s*(?:\((?:Strata's )?default is )?(?<amount>\d+(?:\.\d+)?) ?(?<unit>ms|s)\b|default (?<amount>\d+(?:\.\d+)?) ?(?<unit>ms|s) lock timeout")]
    private static partial Regex LockTimeoutDefault();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
