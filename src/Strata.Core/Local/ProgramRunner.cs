using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Logging;
using Strata.Core.Processes;

namespace Strata.Core.Local;

/// <summary>What a program printed (stdout, then stderr) and how it exited.</summary>
internal sealed record ProgramResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs the external programs the cluster needs through <see cref="ChildProcess"/>, failing as the cluster's errors.</summary>
internal sealed class ProgramRunner(ILogger logger)
{
    public async Task<ProgramResult> RunAsync(
        string program,
        IReadOnlyList<string> arguments,
        string? workingDirectory,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        var info = ChildProcess.StartInfo(program, arguments, workingDirectory);
        logger.RunningProgram(program, ChildProcess.DisplayArguments(info));
        ChildProcessResult result;
        try
        {
            result = await ChildProcess.RunAsync(info, timeout, cancellationToken);
        }
        catch (ChildProcessStartException ex)
        {
            throw new LocalClusterException($"Could not start {program}: {ex.Reason}", ex.InnerException);
        }

        return result.TimedOut
            ? throw new LocalClusterException($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0}s and was stopped.")
            : new ProgramResult(result.ExitCode, result.Stdout + result.Stderr);
    }
}
