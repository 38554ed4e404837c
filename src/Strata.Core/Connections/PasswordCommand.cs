using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Core.Errors;
using Strata.Core.Logging;
using Strata.Core.Processes;
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
        var info = Starting();
        try
        {
            return Finish(ChildProcess.Run(info, Timeout));
        }
        catch (ChildProcessStartException ex)
        {
            throw NotStarted(ex);
        }
    }

    /// <summary>Runs the command for an asynchronous connection open.</summary>
    public async ValueTask<string> GetPasswordAsync(CancellationToken cancellationToken)
    {
        var info = Starting();
        try
        {
            return Finish(await ChildProcess.RunAsync(info, Timeout, cancellationToken));
        }
        catch (ChildProcessStartException ex)
        {
            throw NotStarted(ex);
        }
    }

    private ProcessStartInfo Starting()
    {
        LogMessages.PasswordCommandStarting(_logger, Origin);
        return ChildProcess.StartInfo("/bin/sh", ["-c", CommandText], WorkingDirectory);
    }

    private string Finish(ChildProcessResult result)
    {
        if (result.TimedOut)
        {
            throw Failed($"did not finish within {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped");
        }

        var output = result.Stdout.Trim();
        if (result.ExitCode != 0)
        {
            var error = FirstLine(result.Stderr, output);
            throw Failed(string.Create(CultureInfo.InvariantCulture, $"exited with code {result.ExitCode}: {error}"));
        }

        if (output.Length == 0)
        {
            throw Failed("printed nothing; it must print the password on standard output");
        }

        SecretRedactor.Register(output);
        LogMessages.PasswordCommandSucceeded(_logger, Origin);
        return output;
    }

    private ConnectionFailedException NotStarted(ChildProcessStartException error) => Failed($"could not be started: {error.Reason}");

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
}
