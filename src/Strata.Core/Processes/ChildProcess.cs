using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Core.Processes;

/// <summary>
/// The one way Strata runs another program: without a shell, with standard input closed, standard output and error
/// captured as UTF-8, bounded in time, and stopped together with its children when it times out or is cancelled.
/// </summary>
internal static class ChildProcess
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>A start for <paramref name="program"/>; with <paramref name="redirect"/> false it shares the terminal.</summary>
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? workingDirectory = null, bool redirect = true)
    {
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            RedirectStandardInput = redirect,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        if (redirect)
        {
            info.StandardOutputEncoding = Utf8;
            info.StandardErrorEncoding = Utf8;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>The arguments on one line for logs, with secrets masked.</summary>
    public static string DisplayArguments(ProcessStartInfo info) => SecretRedactor.Redact(string.Join(' ', info.ArgumentList));

    /// <exception cref="ChildProcessStartException">The program cannot be started.</exception>
    public static Process Start(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new ChildProcessStartException(info.FileName, "it did not start", null);
        }
        catch (Win32Exception ex)
        {
            // The runtime's message names the working directory too; the error number says what happened.
            throw new ChildProcessStartException(info.FileName, FileErrorText.Describe(ex), ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ChildProcessStartException(info.FileName, "no program was named", ex);
        }
    }

    /// <summary>Runs a redirected start to completion; past <paramref name="timeout"/> it is stopped and reported as timed out.</summary>
    /// <exception cref="ChildProcessStartException">The program cannot be started.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the program was stopped.</exception>
    public static async Task<ChildProcessResult> RunAsync(ProcessStartInfo info, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var process = Start(info);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Killed inside the cancel itself, before the caller, cancelled too, can end the process and leave it running.
        using var killOnCancel = cancellationToken.Register(static state => Kill((Process)state!), process);
        if (timeout is { } limit)
        {
            deadline.CancelAfter(limit);
        }

        try
        {
            await process.WaitForExitAsync(deadline.Token);
            // A grandchild that kept the pipes open must not hold the run past its deadline either.
            var result = new ChildProcessResult(process.ExitCode, await stdout.WaitAsync(deadline.Token), await stderr.WaitAsync(deadline.Token), TimedOut: false);
            // The cancel kills the program before it cancels the wait, so the wait may see the program end: that end is
            // the cancel's, not the program's result.
            cancellationToken.ThrowIfCancellationRequested();
            return result;
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new ChildProcessResult(-1, SoFar(stdout), SoFar(stderr), TimedOut: true);
        }
    }

    /// <summary>
    /// Runs a redirected start to completion, blocking the calling thread, for the callers that cannot be
    /// asynchronous (a synchronous connection open asking for its password).
    /// </summary>
    /// <exception cref="ChildProcessStartException">The program cannot be started.</exception>
    public static ChildProcessResult Run(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Start(info);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        if (!process.WaitForExit(timeout) || !Task.WaitAll([stdout, stderr], timeout))
        {
            Stop(process);
            return new ChildProcessResult(-1, SoFar(stdout), SoFar(stderr), TimedOut: true);
        }

        return new ChildProcessResult(process.ExitCode, stdout.Result, stderr.Result, TimedOut: false);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            // It exited on its own in the meantime, or cannot be signalled; Stop tries again once the wait ends.
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }

    // Whatever a stopped program printed before it was stopped, if its pipes closed with it.
    private static string SoFar(Task<string> output) =>
        output.Wait(TimeSpan.FromSeconds(1)) && output.IsCompletedSuccessfully ? output.Result : string.Empty;
}
