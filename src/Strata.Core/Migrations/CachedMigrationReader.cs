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
    /// <summary>Reads each of <paramref name="paths"/> (files of <paramref name="directory"/>, sorted) through the cache of the directory.</summary>
    /// <exception cref="Strata.Core.Errors.StrataException">The first file, in order, that could not be read or parsed.</exception>
    public static Migration[] Read(
        string directory,
        IReadOnlyList<string> paths,
        ChecksumCache.Location cacheLocation,
        ParallelMigrationReader.BytesReader read,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var cache = ChecksumCache.Open(cacheLocation.Directory, directory, (file, reason) => logger.ChecksumCacheIgnored(file, reason));
        var migrations = new Migration[paths.Count];
        var stamps = new FileStamp?[paths.Count];
        var known = 0;
        ParallelRanges.ForEach(
            paths.Count,
            () =>
            {
                var buffer = Array.Empty<byte>();
                return index =>
                {
                    var path = paths[index];
                    var stamp = stamps[index] = FileStamp.Of(path);
                    if (stamp is { } taken && cache.Find(Path.GetFileName(path), taken) is { } entry)
                    {
                        var (version, description) = MigrationFileName.Parse(MigrationFileName.SpanOf(path), path);
                        migrations[index] = new Migration(version, description, path, entry.Checksum, entry.Phase, () => ReadOne(path, read));
                        Interlocked.Increment(ref known);
                        return;
                    }

                    var length = read(path, ref buffer);
                    migrations[index] = MigrationParser.Parse(path, buffer.AsSpan(0, length), splitStatements: false);
                };
            },
            cancellationToken);

        logger.ChecksumCacheUsed(directory, known, paths.Count);
        var files = new (string, FileStamp?, Migration)[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            files[i] = (Path.GetFileName(paths[i]), stamps[i], migrations[i]);
        }

        if (cache.Save(files, cacheLocation.Clock.GetUtcNow()) is { } reason)
        {
            logger.ChecksumCacheNotWritten(directory, reason);
        }

        return migrations;
    }

    private static Migration ReadOne(string path, ParallelMigrationReader.BytesReader read)
    {
        var buffer = Array.Empty<byte>();
        var length = read(path, ref buffer);
        return MigrationParser.Parse(path, buffer.AsSpan(0, length), splitStatements: false);
    }
}
