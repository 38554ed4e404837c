using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>
/// Work over many migrations in ranges on the thread pool, with the error of the first item in order reported, not
/// whichever failed first, so the same files always give the same error.
/// </summary>
internal static class ParallelRanges
{
    // Below this many items the work is done on the calling thread: waking thread pool workers costs more than the
    // work it would share. Above it, the items go to the workers in ranges of this size, so a worker takes a lock once
    // per range and not once per item.
    private const int RangeSize = 64;

    /// <summary>
    /// Runs an item step for each index of <c>[0, count)</c>, in ranges, in parallel when there are many. Each range
    /// takes its step from <paramref name="newRange"/>, so the items of one range can share state (a buffer). An item's
    /// <see cref="StrataException"/> is kept, and once every item has run the first in index order is thrown.
    /// </summary>
    /// <exception cref="StrataException">The first item, in index order, whose step failed.</exception>
    public static void ForEach(int count, Func<Action<int>> newRange, CancellationToken cancellationToken)
    {
        var errors = new StrataException?[count];
        if (count <= RangeSize)
        {
            RunRange(0, count);
        }
        else
        {
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.ForEach(Partitioner.Create(0, count, RangeSize), options, bounds => RunRange(bounds.Item1, bounds.Item2));
        }

        var first = Array.Find(errors, e => e is not null);
        if (first is not null)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }

        void RunRange(int from, int to)
        {
            var item = newRange();
            for (var index = from; index < to; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    item(index);
                }
                catch (StrataException error)
                {
                    errors[index] = error;
                }
            }
        }
    }
}
