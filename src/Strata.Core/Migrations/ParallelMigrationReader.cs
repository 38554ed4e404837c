using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>
/// Reads and parses many migrations at once. When several are broken, the one reported is the first in the order
/// given, not whichever failed first, so the same files always give the same error.
/// </summary>
internal static class ParallelMigrationReader
{
    // Below this many files the work is done on the calling thread: waking thread pool workers costs more than the
    // reading it would share. Above it, the files go to the workers in ranges of this size, so a worker takes a lock
    // once per range and not once per file.
    private const int RangeSize = 64;

    /// <summary>Reads each source with <paramref name="read"/> and parses it, in parallel ranges.</summary>
    /// <exception cref="StrataException">The first source, in the order given, that could not be read or parsed.</exception>
    public static Migration[] Read(
        IReadOnlyList<string> sources,
        Func<string, byte[]> read,
        CancellationToken cancellationToken)
    {
        var migrations = new Migration[sources.Count];
        var errors = new StrataException?[sources.Count];
        if (sources.Count <= RangeSize)
        {
            ReadRange(0, sources.Count);
        }
        else
        {
            var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.ForEach(Partitioner.Create(0, sources.Count, RangeSize), options, range => ReadRange(range.Item1, range.Item2));
        }

        var firstError = Array.Find(errors, e => e is not null);
        if (firstError is not null)
        {
            ExceptionDispatchInfo.Capture(firstError).Throw();
        }

        return migrations;

        void ReadRange(int from, int to)
        {
            for (var index = from; index < to; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    migrations[index] = MigrationParser.Parse(sources[index], read(sources[index]));
                }
                catch (StrataException error)
                {
                    errors[index] = error;
                }
            }
        }
    }
}
