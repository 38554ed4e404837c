using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Core.Errors;
using Strata.Core.Logging;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// A shell command that prints the password, run through <c>/bin/sh -c</c> each time a new physical connection
/// is opened, so short-lived tokens (such as <c>aws rds generate-db-auth-token</c>) are always fresh. Its output is
/// never logged; its error output is redacted and cut to one line.
/// </summary>
internal sealed class PasswordCommand
{
    private readonly ILogger _logger;

    public PasswordCommand(string commandText, string workingDirectory, string origin, ILogger? logger = null)
    {
        CommandText = commandText;
        WorkingDirectory = workingDirectory;
        Origin = origin;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The command as given; treated as not secret, so it may be shown by <c>strata config</c>.</summary>
    public string CommandText { get; }

    public string WorkingDirectory { get; }

    /// <summary>Where the command came from, such as <c>--password-command</c>.</summary>
    public string Origin { get; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs the command for a synchronous connection open.</summary>
    public string GetPassword()
    {
        var run = Start();
        if (!run.Process.WaitForExit(Timeout))
        {
            throw TimedOut(run.Process);
        }

        // The parameterless wait also drains the asynchronous output readers.
        run.Process.WaitForExit();
        return Finish(run);
    }

    /// <summary>Runs the command for an asynchronous connection open.</summary>
    public async ValueTask<string> GetPasswordAsync(CancellationToken cancellationToken)
    {
        var run = Start();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await run.Process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(run.Process);
            run.Process.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw TimedOut(null);
        }

        return Finish(run);
    }

    private Run Start()
    {
        LogMessages.PasswordCommandStarting(_logger, Origin);
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = WorkingDirectory,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(CommandText);
        var run = new Run(new Process { StartInfo = info });
        run.Process.OutputDataReceived += (_, e) => Append(run.Output, e.Data);
        run.Process.ErrorDataReceived += (_, e) => Append(run.Error, e.Data);
        try
        {
            run.Process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            run.Process.Dispose();
            throw Failed($"could not be started: {ex.Message}");
        }

        run.Process.StandardInput.Close();
        run.Process.BeginOutputReadLine();
        run.Process.BeginErrorReadLine();
        return run;
    }

    private string Finish(Run run)
    {
        using var process = run.Process;
        var output = Locked(run.Output).Trim();
        if (process.ExitCode != 0)
        {
            var error = FirstLine(Locked(run.Error), output);
            throw Failed(string.Create(CultureInfo.InvariantCulture, $"exited with code {process.ExitCode}: {error}"));
        }

        if (output.Length == 0)
        {
            throw Failed("printed nothing; it must print the password on standard output");
        }

        SecretRedactor.Register(output);
        LogMessages.PasswordCommandSucceeded(_logger, Origin);
        return output;
    }

    private ConnectionFailedException TimedOut(Process? process)
    {
        if (process is not null)
        {
            Kill(process);
            process.Dispose();
        }

        return Failed($"did not finish within {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped");
    }

    private ConnectionFailedException Failed(string problem)
    {
        var redacted = SecretRedactor.Redact(problem);
        LogMessages.PasswordCommandFailed(_logger, Origin, redacted);
        return new ConnectionFailedException($"The password command from {Origin} {redacted}");
    }

    /// <summary>The first non-blank line of the error output, without anything the command printed on stdout.</summary>
    private static string FirstLine(string error, string output)
    {
        var line = error.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (line is null)
        {
            return "(no error output)";
        }

        if (output.Length >= 4)
        {
            line = line.Replace(output, SecretRedactor.Mask, StringComparison.Ordinal);
        }

        line = SecretRedactor.Redact(line);
        return line.Length <= 200 ? line : line[..200] + "...";
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private static string Locked(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }

    private sealed record Run(Process Process)
    {
        public StringBuilder Output { get; } = new();

        public StringBuilder Error { get; } = new();
    }
}
