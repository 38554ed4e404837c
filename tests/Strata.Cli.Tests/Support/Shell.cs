using System.Diagnostics;

namespace Strata.Cli.Tests.Support;

/// <summary>Runs a build tool (dotnet pack, publish, tool install) for packaging tests and fails with its output.</summary>
public static class Shell
{
    public static async Task<CliResult> RunAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // A build started from inside a test run must not inherit the test host's MSBuild settings.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            info.Environment.Remove(name);
        }

        return await StrataProcess.RunAsync(info, timeout);
    }

    public static async Task<CliResult> RunOkAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var result = await RunAsync(fileName, workingDirectory, timeout, args);
        result.ExitCode.ShouldBe(0, $"{fileName} {string.Join(' ', args)}\n{result}");
        return result;
    }
}
