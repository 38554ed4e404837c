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

    /// <summary>Calls <paramref name="range"/> with the bounds of each range of <c>[0, count)</c>, in parallel when there are many.</summary>
    public static void Run(int count, Action<int, int> range, CancellationToken cancellationToken)
    {
        if (count <= RangeSize)
        {
            range(0, count);
            return;
        }

        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.ForEach(Partitioner.Create(0, count, RangeSize), options, bounds => range(bounds.Item1, bounds.Item2));
    }

    /// <summary>Throws the first error in <paramref name="errors"/>, indexed like the items, if any.</summary>
    public static void ThrowFirst(StrataException?[] errors)
    {
        var first = Array.Find(errors, e => e is not null);
        if (first is not null)
        {
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }
}
