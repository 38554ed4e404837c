using System.Diagnostics;

namespace Strata.Cli.Tests.Support;

/// <summary>Runs the built `strata` as a real process: the front door a pipeline or a container uses.</summary>
public static class StrataProcess
{
    /// <summary>The strata.dll built next to the tests (run unless <see cref="StrataBinary"/> names another).</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "strata.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(StrataBinary.Path ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (StrataBinary.Path is null)
        {
            info.ArgumentList.Add(AssemblyPath);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        await RunAsync(StartInfo(workingDirectory, environment, args), TimeSpan.FromMinutes(5));

    public static async Task<CliResult> RunAsync(ProcessStartInfo info, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish in {timeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
