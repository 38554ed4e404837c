namespace Strata.Core.Processes;

/// <summary>How a program ended and what it printed.</summary>
/// <param name="ExitCode">Its exit code; -1 when it was stopped.</param>
/// <param name="Stdout">Its standard output.</param>
/// <param name="Stderr">Its standard error.</param>
/// <param name="TimedOut">It outlived its time limit and was stopped.</param>
internal sealed record ChildProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
