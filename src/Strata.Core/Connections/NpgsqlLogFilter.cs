using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.Core.Connections;

/// <summary>
/// The logger factory Npgsql is given: Npgsql's own entries pass through redacted (its command logging quotes the SQL,
/// a <c>PASSWORD '...'</c> literal included), except those about an error Strata raised itself inside a callback (a
/// failed password command), which the command reports once, in its words, as its error, and those about a
/// cancellation (a password command stopped by Ctrl-C), which ends the run as cancelled.
/// </summary>
internal sealed class NpgsqlLogFilter(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new FilteredLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The wrapped factory belongs to the caller.
    public void Dispose()
    {
    }

    private static bool IsOurs(Exception? exception) =>
        ExceptionChain.Of(exception).Any(e => e is StrataException or OperationCanceledException);

    private sealed class FilteredLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsOurs(exception) && inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, RedactedLogState.From(state, exception, formatter), exception, static (s, _) => s.Message);
            }
        }
    }
}
