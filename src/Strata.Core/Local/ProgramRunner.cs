using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Local;

/// <summary>What a program printed (stdout, then stderr) and how it exited.</summary>
internal sealed record ProgramResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs the external programs the cluster needs, without a shell, bounded in time and cancellable.</summary>
internal sealed class ProgramRunner(ILogger logger)
{
    public async Task<ProgramResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        logger.RunningProgram(program, string.Join(' ', arguments));
        using var process = StartOrThrow(startInfo);
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            var output = (await stdout) + (await stderr);
            return new ProgramResult(process.ExitCode, output);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new LocalClusterException(
                $"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0}s and was stopped.");
        }
    }

    private static Process StartOrThrow(ProcessStartInfo startInfo)
    {
        try
        {
            return Process.Start(startInfo)
                ?? throw new LocalClusterException($"Could not start {startInfo.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new LocalClusterException($"Could not start {startInfo.FileName}: {e.Message}", e);
        }
    }
}
