using Microsoft.Extensions.Logging;
using Strata.Core.Logging;

namespace Strata.Core.Migrations;

/// <summary>
/// Reads a directory's migration files through its <see cref="ChecksumCache"/>: a file whose stamp the cache knows is
/// not read (its sections are read on first use), every other file is read and parsed, and the cache is written again
/// when what it knows changed. Each file's stamp is taken before the file is read, so a file changed while it is read
/// is cached under a stamp it no longer has, and is read again next time.
/// </summary>
internal static class CachedMigrationReader
{
    // A thread keeps a buffer up to this size; a larger file's buffer is left to the collector.
    private const int KeptBufferBytes = 1 << 20;

    [ThreadStatic]
    private static byte[]? _buffer;

    /// <summary>Reads each of <paramref name="files"/> (of <paramref name="directory"/>, sorted by name) through the cache of the directory.</summary>
    /// <exception cref="Strata.Core.Errors.StrataException">The first file, in order, that could not be read or parsed.</exception>
    public static Migration[] Read(
        string directory,
        IReadOnlyList<MigrationFile> files,
        ChecksumCache.Location cacheLocation,
        ParallelMigrationReader.BytesReader read,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        using var stamper = FileStamps.Open(directory);
        var cache = ChecksumCache.Open(cacheLocation.Directory, directory, (file, reason) => logger.ChecksumCacheIgnored(file, reason));
        var migrations = new Migration[files.Count];
        var stamps = new FileStamp?[files.Count];
        var unknown = new List<int>();
        var readKnown = ReadKnown(read);

        // Stamps and lookups on this thread: a statx and a lookup a file is less work than handing ranges to the pool.
        for (var index = 0; index < files.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = files[index];
            var stamp = stamps[index] = stamper.Of(file.Name);
            if (stamp is { } taken && cache.Find(file.Name, taken) is { } entry)
            {
                migrations[index] = new Migration(file.Version, file.Description, file.Path, entry.Checksum, entry.Phase, readKnown);
            }
            else
            {
                unknown.Add(index);
            }
        }

        // What the cache does not know is read and parsed, in parallel when there is much of it.
        ParallelRanges.ForEach(
            unknown.Count,
            () =>
            {
                var buffer = Array.Empty<byte>();
                return item =>
                {
                    var index = unknown[item];
                    migrations[index] = ParallelMigrationReader.ReadOne(files[index].Path, read, ref buffer, splitStatements: false);
                };
            },
            cancellationToken);

        logger.ChecksumCacheUsed(directory, files.Count - unknown.Count, files.Count);
        if (cache.Save(files, stamps, migrations, cacheLocation.Clock.GetUtcNow()) is { } reason)
        {
            logger.ChecksumCacheNotWritten(directory, reason);
        }

        return migrations;
    }

    // One reader for every known file: it is given the file's path when the sections are first asked for. Each thread
    // keeps its buffer, as the parallel reads do, so a run that reads every known file does not take one per file.
    private static Func<string, Migration> ReadKnown(ParallelMigrationReader.BytesReader read) => path =>
    {
        var buffer = _buffer ?? [];
        var migration = ParallelMigrationReader.ReadOne(path, read, ref buffer, splitStatements: false);
        _buffer = buffer.Length <= KeptBufferBytes ? buffer : null;
        return migration;
    };
}
