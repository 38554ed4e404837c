using System.Diagnostics;
using System.Globalization;
using Strata.Core.Diagnostics;

namespace Strata.Cli.Output;

/// <summary>
/// <c>STRATA_TRACE_TIMING=1</c>: after the command, one line per phase on stderr (when it started since the process
/// started, and how long it took), to see where a run's time goes. Never part of the command's own output.
/// </summary>
internal sealed class TimingReport
{
    /// <summary>The environment variable that turns the report on.</summary>
    public const string Variable = "STRATA_TRACE_TIMING";

    private readonly TimeSpan _beforeMain;

    private TimingReport(TimeSpan beforeMain) => _beforeMain = beforeMain;

    /// <summary>Starts the trace when the variable's <paramref name="value"/> asks for it; null otherwise.</summary>
    public static TimingReport? StartIfAsked(string? value)
    {
        if (value is not ("1" or "true"))
        {
            return null;
        }

        // The process's start time on Linux counts in clock ticks (10 ms), coarser than the start-up it would time;
        // the CPU time spent so far is exact, and before main the runtime starts on one thread, so it stands for the
        // wall time (it can only be less than that, when the process waited for a CPU).
        var beforeMain = Environment.CpuUsage.TotalTime;

        TimingTrace.Start(Stopwatch.GetTimestamp() - (long)(beforeMain.TotalSeconds * Stopwatch.Frequency));
        return new TimingReport(beforeMain);
    }

    /// <summary>Stops the trace and writes its phases, in the order they started, then the total.</summary>
    public void WriteTo(TextWriter error)
    {
        var spans = TimingTrace.Stop().OrderBy(s => s.Start).ToList();
        spans.Insert(0, new TimingSpan("process start to main (runtime start-up, CPU time)", TimeSpan.Zero, _beforeMain));
        var total = spans.Max(s => s.Start + s.Duration);
        foreach (var span in spans)
        {
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"timing: at {span.Start.TotalMilliseconds,8:0.0} ms  took {span.Duration.TotalMilliseconds,8:0.0} ms  {span.Phase}"));
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timing: total {total.TotalMilliseconds:0.0} ms"));
        // Bytes allocated drive both the CPU of a short run (fresh pages touched) and its peak memory (the gen0 budget).
        error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"timing: memory {GC.GetTotalAllocatedBytes(precise: true) / 1048576.0:0.0} MiB allocated, collections gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}"));
        error.Flush();
    }
}
