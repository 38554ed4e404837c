using Microsoft.Extensions.Logging;

namespace Strata.AspNetCore.Logging;

/// <summary>
/// The logger factory the app's data source and Strata's engine log through: the app's own, except that Npgsql's
/// Information entries (one per executed command, with its SQL) are written at Debug. At Information, a busy app would
/// log every statement it runs, and its parameters' shapes, by default; at Debug they are there when asked for.
/// </summary>
internal sealed class NpgsqlCommandLogging(ILoggerFactory inner) : ILoggerFactory
{
    private const string NpgsqlCategory = "Npgsql";

    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith(NpgsqlCategory, StringComparison.Ordinal) ? new Demoting(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The app owns the factory it passed in; the host disposes it.
    public void Dispose()
    {
    }

    private sealed class Demoting(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(Demote(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(Demote(logLevel), eventId, state, exception, formatter);

        private static LogLevel Demote(LogLevel level) => level == LogLevel.Information ? LogLevel.Debug : level;
    }
}
