using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Strata.Core.Tests.Engine;

/// <summary>Collects log entries so tests can assert on them and react to them as they happen.</summary>
public sealed class TestLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Called synchronously for every entry, on the thread that logs it.</summary>
    public Action<LogEntry>? OnLog { get; set; }

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    public IReadOnlyList<LogEntry> WithEvent(int eventId) => _entries.Where(e => e.EventId == eventId).ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var entry = new LogEntry(eventId.Id, logLevel, formatter(state, exception));
        _entries.Enqueue(entry);
        OnLog?.Invoke(entry);
    }
}

public sealed record LogEntry(int EventId, LogLevel Level, string Message);
