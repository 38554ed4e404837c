using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Core.Errors;

namespace Strata.AspNetCore.Hosting;

/// <summary>
/// Ends the process with a documented exit code, not an unhandled exception (exit 134 and a stack trace on stderr),
/// when Strata stops the app's start. Strata logs the reason as one line first; this then sets
/// <see cref="Environment.ExitCode"/> and, should the start's exception reach the top of the program uncaught (a plain
/// <c>app.Run()</c>), exits with that code once the loggers have written what they hold. An app that catches the
/// exception itself keeps full control: nothing happens unless the exception goes unhandled.
/// </summary>
internal sealed class StartupFailure(IServiceProvider services)
{
    /// <summary>The exit code of a configuration error, as for the <c>strata</c> command.</summary>
    public const int ConfigurationExitCode = 2;

    /// <summary>The exit code of a start cancelled by Ctrl-C or SIGTERM, as for the <c>strata</c> command.</summary>
    public const int CancelledExitCode = 130;

    private int _armed;

    /// <summary>Sets the process's exit code; replaced in tests, where the test runner owns the process.</summary>
    internal Action<int> SetExitCode { get; init; } = code => Environment.ExitCode = code;

    /// <summary>The exit code chosen, once Strata has stopped the start.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>The exit code of <paramref name="exception"/>, as in docs/exit-codes.md.</summary>
    public static int CodeOf(Exception exception) => exception switch
    {
        ConfigurationException or OptionsValidationException => ConfigurationExitCode,
        ConnectionFailedException => 3,
        LockNotAcquiredException => 4,
        ValidationFailedException or MigrationFileException or SqlSyntaxException or AdoptionRequiredException or HistoryInconsistentException => 5,
        PrerequisiteMissingException => 7,
        _ => 1,
    };

    /// <summary>Chooses the exit code for <paramref name="exception"/>, which stops the start.</summary>
    public void Arm(Exception exception) => Arm(CodeOf(exception), exception.GetType());

    /// <summary>Chooses <paramref name="code"/>; an unhandled exception of <paramref name="stopping"/> then ends the process with it.</summary>
    public void Arm(int code, Type stopping)
    {
        ExitCode = code;
        SetExitCode(code);
        if (Interlocked.Exchange(ref _armed, 1) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += (_, e) =>
            {
                if (e.ExceptionObject is Exception unhandled && Stops(unhandled, stopping) && ExitCode is { } chosen)
                {
                    Flush();
                    Environment.Exit(chosen);
                }
            };
        }
    }

    private static bool Stops(Exception unhandled, Type stopping) =>
        stopping.IsInstanceOfType(unhandled)
        || (unhandled is AggregateException aggregate && aggregate.InnerExceptions.Any(stopping.IsInstanceOfType));

    // Console and other buffered providers write on a thread of their own; disposing them drains what they hold.
    private void Flush()
    {
        try
        {
            foreach (var provider in services.GetServices<ILoggerProvider>())
            {
                provider.Dispose();
            }
        }
        catch (ObjectDisposedException)
        {
            // The host was already disposed, and its loggers flushed with it.
        }
    }
}
