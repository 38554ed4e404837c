using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Strata.Core.Logging;

namespace Strata.Core.Execution.Batching;

/// <summary>
/// Reports a backfill's progress: rows done, rows per second over this run, and the time left at that rate. After the
/// first batch, then at most one report per <see cref="Interval"/>, so a table of millions of rows does not print a
/// line per batch.
/// </summary>
internal sealed class BackfillMeter(ILogger logger, string migration, string table, BackfillState start)
{
    /// <summary>The least time between two progress reports.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    // The first batch reports at once, so the rate and the time left show early.
    private TimeSpan _lastReport = -Interval;

    public long RowsDone { get; private set; } = start.KeysDone;

    public long RowsChanged { get; private set; } = start.RowsChanged;

    public int Batches { get; private set; } = start.Batches;

    /// <summary>Counts a committed batch, and reports when the last report is old enough.</summary>
    public void Add(long keys, long rows)
    {
        RowsDone += keys;
        RowsChanged += rows;
        Batches++;
        if (_clock.Elapsed - _lastReport >= Interval)
        {
            Report();
        }
    }

    /// <summary>Reports the end: the rows changed in this run, which it counted itself, apart from those an earlier run recorded.</summary>
    public void Completed()
    {
        if (start.Batches == 0)
        {
            logger.BackfillCompleted(migration, table, RowsDone, Batches, RowsChanged);
        }
        else
        {
            logger.BackfillCompletedAfterResume(migration, table, RowsDone, Batches, RowsChanged - start.RowsChanged, RowsChanged);
        }
    }

    private void Report()
    {
        _lastReport = _clock.Elapsed;
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = (RowsDone - start.KeysDone) / seconds;
        var total = Math.Max(start.KeysTotal, RowsDone);
        var left = rate > 0 ? (total - RowsDone) / rate : 0;
        var percent = total == 0 ? 100 : 100.0 * RowsDone / total;
        logger.BackfillProgress(migration, table, RowsDone, total, percent, RowsChanged, rate, left);
    }
}
