namespace Strata.Report.Tests;

/// <summary>
/// The Chromium the browser tests drive: the system's (Debian's <c>chromium</c> package, installed by
/// <c>scripts/prereqs.sh</c>), since browsers cannot be downloaded where the tests run. Missing, it fails the test
/// with what to install: a browser test that quietly skipped would prove nothing.
/// </summary>
internal static class SystemChromium
{
    /// <summary>Points the tests at another Chromium binary.</summary>
    public const string Variable = "STRATA_CHROMIUM";

    // Debian's real binary first (/usr/bin/chromium is a wrapper script that prints a warning on every start), then
    // the Chrome that hosted CI runners carry.
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/google-chrome"];

    public static string Path()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"{Variable}={given}: no such file");
        }

        return Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"Chromium is not installed (looked for {string.Join(", ", Candidates)}): run scripts/prereqs.sh or 'apt-get install -y chromium', or set {Variable}");
    }
}
