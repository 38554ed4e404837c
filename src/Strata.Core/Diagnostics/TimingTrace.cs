using System.Collections.Concurrent;
using System.Diagnostics;

namespace Strata.Core.Diagnostics;

/// <summary>
/// An opt-in stopwatch over the phases of one run (settings, connect, lock, history read, file reads, output), for
/// finding where start-up time goes. Off unless a front door starts it, and then only a timestamp per phase: the
/// engine stays quiet, and the front door decides whether and how to show the spans. The trace belongs to the
/// asynchronous flow that started it, so runs side by side in one process (tests) do not mix their spans.
/// </summary>
internal static class TimingTrace
{
    private static readonly AsyncLocal<Trace?> Current = new();

    /// <summary>Starts a trace for this flow, with times counted from <paramref name="origin"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static void Start(long origin) => Current.Value = new Trace(origin);

    /// <summary>Ends this flow's trace and returns its spans, in the order they ended.</summary>
    public static IReadOnlyList<TimingSpan> Stop()
    {
        var trace = Current.Value;
        Current.Value = null;
        return trace is null ? [] : [.. trace.Spans];
    }

    /// <summary>Times a phase until the returned value is disposed; free when no trace is running.</summary>
    public static Scope Measure(string phase) =>
        Current.Value is { } trace ? new Scope(trace, phase, Stopwatch.GetTimestamp()) : default;

    /// <summary>A phase being timed; the default value, given when no trace is running, times nothing.</summary>
    public readonly struct Scope(Trace? trace, string phase, long started) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => trace?.Spans.Enqueue(
            new TimingSpan(phase, Stopwatch.GetElapsedTime(trace.Origin, started), Stopwatch.GetElapsedTime(started)));
    }

    /// <summary>One flow's trace.</summary>
    internal sealed class Trace(long origin)
    {
        public long Origin { get; } = origin;

        public ConcurrentQueue<TimingSpan> Spans { get; } = new();
    }
}
