using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Strata.AspNetCore.Tests.Support;

/// <summary>Keeps every log entry of a test host, formatted, so tests can check what was (and was not) logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    public string AllText() => string.Join('\n', Entries.Select(e => $"{e.Level} {e.Category} [{e.EventId}] {e.Message} {e.Exception}"));

    public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, string? Exception);

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), exception?.ToString()));
    }
}
