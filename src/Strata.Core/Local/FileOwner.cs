namespace Strata.Core.Local;

/// <summary>The name of the OS user who owns a file, read with <c>stat</c>: .NET has no API for it.</summary>
internal static class FileOwner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The owner's user name; null on Windows, without <c>stat</c>, or when it cannot be read.</summary>
    public static async Task<string?> NameAsync(string path, LocalClusterOptions options, ProgramRunner runner, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows() || SystemPrograms.Find("stat", options) is not { } stat)
        {
            return null;
        }

        // GNU stat takes -c, the BSD one (macOS) -f.
        string[] format = OperatingSystem.IsLinux() ? ["-c", "%U"] : ["-f", "%Su"];
        var result = await runner.RunAsync(stat, [.. format, "--", path], null, Timeout, cancellationToken);
        var name = result.Output.Trim();
        return result.Succeeded && name.Length > 0 && !name.Contains('\n', StringComparison.Ordinal) ? name : null;
    }
}
