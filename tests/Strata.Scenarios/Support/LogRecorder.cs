using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Strata.Scenarios.Support;

/// <summary>Keeps a host's log events with their structured fields, which is how the web host reports what it did.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<Event> _events = new();

    public IReadOnlyList<Event> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Recorder(_events);

    public void Dispose()
    {
    }

    /// <summary>The fields of the last event with <paramref name="id"/>, or null when there was none.</summary>
    public IReadOnlyDictionary<string, object?>? Last(int id) => Events.LastOrDefault(e => e.Id == id)?.Fields;

    public sealed record Event(int Id, string Message, IReadOnlyDictionary<string, object?> Fields);

    private sealed class Recorder(ConcurrentQueue<Event> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                : [];
            events.Enqueue(new Event(eventId.Id, formatter(state, exception), fields));
        }
    }
}
