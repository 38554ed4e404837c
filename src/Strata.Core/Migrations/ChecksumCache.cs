using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Strata.Core.Data;
using Strata.Core.Diagnostics;
using Strata.Core.Errors;

namespace Strata.Core.Migrations;

/// <summary>
/// The checksums and phases of one migrations directory's files as they were last read, each under the file's
/// <see cref="FileStamp"/>: a file whose stamp is unchanged is known without being read again. One file per directory
/// in the cache directory, written whole and renamed into place, so a reader sees the old file or the new one. A cache
/// that cannot be read, was written by another build of Strata or for another directory is ignored; one that cannot be
/// written is skipped: the files are then read as without it. See docs/performance.md.
/// </summary>
internal sealed class ChecksumCache
{
    /// <summary>Below this many files a directory is read faster than a cache of it is kept, so none is.</summary>
    public const int MinimumFiles = 64;

    /// <summary>The most directories the cache directory holds; writing one more removes the least recently written.</summary>
    public const int MaximumDirectories = 64;

    private const string Extension = ".checksums";

    // Far more than the entries of any directory (about a hundred bytes each); a larger file is not one of these.
    private const long MaximumBytes = 64L << 20;
    private const int StreamBuffer = 16 * 1024;
    private const uint Format = 1;
    private const byte Sha256Lf = 1;

    // A stamp taken within this long of a change is not kept: see FileStamp.IsRecent.
    private static readonly TimeSpan RecentMargin = TimeSpan.FromSeconds(2);

    // A temporary file this old is not being written: a run was killed while writing it.
    private static readonly TimeSpan AbandonedTemporary = TimeSpan.FromHours(1);
    private static readonly byte[] Magic = "STRATACS"u8.ToArray();
    private static readonly string Producer = BuildVersion.Text;

    private readonly string _cacheDirectory;
    private readonly string _directory;
    private readonly string _file;
    private readonly Dictionary<string, Entry> _entries;

    private ChecksumCache(string cacheDirectory, string directory, Dictionary<string, Entry> entries)
    {
        _cacheDirectory = cacheDirectory;
        _directory = directory;
        _file = Path.Combine(cacheDirectory, FileName(directory));
        _entries = entries;
    }

    /// <summary>Where the caches are kept, and the clock that judges which stamps are too recent to keep.</summary>
    public sealed record Location(string Directory, TimeProvider Clock);

    /// <summary>What the cache knows of one file.</summary>
    public readonly record struct Entry(FileStamp Stamp, MigrationChecksum Checksum, MigrationPhase Phase);

    /// <summary>The cache of <paramref name="directory"/> in <paramref name="cacheDirectory"/>; empty when there is none to use.</summary>
    /// <param name="cacheDirectory">Where the caches of every directory are kept.</param>
    /// <param name="directory">The migrations directory, as an absolute path.</param>
    /// <param name="unusable">Told why an existing cache file is not used.</param>
    public static ChecksumCache Open(string cacheDirectory, string directory, Action<string, string>? unusable = null)
    {
        var cache = new ChecksumCache(cacheDirectory, directory, new Dictionary<string, Entry>(StringComparer.Ordinal));
        byte[]? buffer = null;
        try
        {
            // Read whole into a pooled buffer and parsed from memory: a thousand migrations make a file of over 100 KiB,
            // which a stream would hand over a few bytes a call.
            using var handle = File.OpenHandle(cache._file, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle);
            string problem;
            if (length > MaximumBytes)
            {
                problem = "larger than any cache Strata writes";
            }
            else
            {
                buffer = ArrayPool<byte>.Shared.Rent((int)length);
                var bytes = buffer.AsSpan(0, ReadAll(handle, buffer.AsSpan(0, (int)length)));
                if (TryParse(bytes, directory, cache._entries, out problem))
                {
                    return cache;
                }
            }

            cache._entries.Clear();
            unusable?.Invoke(cache._file, problem);
        }
        catch (Exception error) when (FileErrorText.IsFileError(error))
        {
            // No cache yet (or none readable): every file is read, and the cache is written afterwards.
            cache._entries.Clear();
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return cache;
    }

    /// <summary>The number of files the cache knows.</summary>
    public int Count => _entries.Count;

    /// <summary>What is known of the file named <paramref name="name"/> when its stamp is still <paramref name="stamp"/>.</summary>
    public Entry? Find(string name, FileStamp stamp) =>
        _entries.TryGetValue(name, out var entry) && entry.Stamp == stamp ? entry : null;

    /// <summary>
    /// Writes what is now known of the directory, when it differs from what was read: every file with a stamp that is
    /// not recent. Returns the reason when it could not be written.
    /// </summary>
    /// <param name="files">The directory's migration files.</param>
    /// <param name="stamps">Each file's stamp, taken before it was read; null when it has none.</param>
    /// <param name="migrations">What was read of each file.</param>
    /// <param name="now">The time the recent stamps are judged against.</param>
    public string? Save(IReadOnlyList<MigrationFile> files, IReadOnlyList<FileStamp?> stamps, IReadOnlyList<Migration> migrations, DateTimeOffset now)
    {
        var kept = 0;
        var changed = false;
        for (var i = 0; i < files.Count; i++)
        {
            if (Keeps(stamps[i], migrations[i], now) is { } entry)
            {
                kept++;
                changed |= !_entries.TryGetValue(files[i].Name, out var old) || old != entry;
            }
        }

        if (!changed && kept == _entries.Count)
        {
            return null;
        }

        var entries = new List<(string Name, Entry Entry)>(kept);
        for (var i = 0; i < files.Count; i++)
        {
            if (Keeps(stamps[i], migrations[i], now) is { } entry)
            {
                entries.Add((files[i].Name, entry));
            }
        }

        var temporary = $"{_file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(_cacheDirectory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, StreamBuffer))
            {
                Write(stream, _directory, entries);
            }

            File.Move(temporary, _file, overwrite: true);
            Prune(_cacheDirectory, _file, now);
            return null;
        }
        catch (Exception error) when (FileErrorText.IsFileError(error))
        {
            TryDelete(temporary);
            return FileErrorText.Describe(error);
        }
    }

    private static Entry? Keeps(FileStamp? stamp, Migration migration, DateTimeOffset now) =>
        stamp is { } known && !known.IsRecent(now, RecentMargin) && migration.Checksum.Algorithm == MigrationChecksum.Sha256Lf
            ? new Entry(known, migration.Checksum, migration.Phase)
            : null;

    // The name of a directory's cache file: a digest of its path, so any path gives a plain file name.
    private static string FileName(string directory) =>
        Convert.ToHexStringLower(Sha256.HashData(Encoding.UTF8.GetBytes(directory)).AsSpan(0, 16)) + Extension;

    // The files come sorted by name, so the entries are written in that order.
    private static void Write(Stream stream, string directory, List<(string Name, Entry Entry)> entries)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Format);
        writer.Write(Producer);
        writer.Write(directory);
        writer.Write(entries.Count);
        foreach (var (name, entry) in entries)
        {
            var stamp = entry.Stamp;
            writer.Write(name);
            writer.Write(stamp.Size);
            writer.Write(stamp.ModifiedSeconds);
            writer.Write(stamp.ModifiedNanoseconds);
            writer.Write(stamp.ChangedSeconds);
            writer.Write(stamp.ChangedNanoseconds);
            writer.Write(stamp.Inode);
            writer.Write(stamp.Device);
            writer.Write((byte)entry.Phase);
            writer.Write(Sha256Lf);
            writer.Write(Convert.FromHexString(entry.Checksum.Hash));
        }

        writer.Flush();
    }

    private static int ReadAll(SafeFileHandle handle, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length && RandomAccess.Read(handle, buffer[total..], total) is var read and > 0)
        {
            total += read;
        }

        return total;
    }

    private static bool TryParse(ReadOnlySpan<byte> bytes, string directory, Dictionary<string, Entry> entries, out string problem)
    {
        try
        {
            var reader = new ByteReader(bytes);
            if (!reader.Bytes(Magic.Length).SequenceEqual(Magic) || reader.UInt32() != Format)
            {
                problem = "not a checksum cache of this format";
                return false;
            }

            if (reader.String() != Producer)
            {
                problem = "written by another build of Strata";
                return false;
            }

            if (reader.String() != directory)
            {
                problem = "written for another directory";
                return false;
            }

            var count = reader.Int32();
            entries.EnsureCapacity(Math.Clamp(count, 0, bytes.Length / 64));
            for (var i = 0; i < count; i++)
            {
                var name = reader.String();
                var stamp = new FileStamp(reader.Int64(), reader.Int64(), reader.UInt32(), reader.Int64(), reader.UInt32(), reader.UInt64(), reader.UInt64());
                var phase = (MigrationPhase)reader.Byte();
                if (reader.Byte() != Sha256Lf || !Enum.IsDefined(phase))
                {
                    problem = "an entry this build cannot read";
                    return false;
                }

                var hash = Convert.ToHexStringLower(reader.Bytes(32));
                entries[name] = new Entry(stamp, new MigrationChecksum(MigrationChecksum.Sha256Lf, hash), phase);
            }

            if (!reader.AtEnd)
            {
                problem = "bytes after its last entry";
                return false;
            }

            problem = string.Empty;
            return true;
        }
        catch (Exception error) when (error is EndOfStreamException or FormatException)
        {
            problem = "cut short or damaged";
            return false;
        }
    }

    // Keeps the newest caches; a directory not used for a while is read once more and cached again.
    private static void Prune(string cacheDirectory, string kept, DateTimeOffset now)
    {
        var directory = new DirectoryInfo(cacheDirectory);
        foreach (var temporary in directory.GetFiles("*" + Extension + ".*.tmp").Where(f => f.LastWriteTimeUtc < now.UtcDateTime - AbandonedTemporary))
        {
            TryDelete(temporary.FullName);
        }

        var caches = directory.GetFiles("*" + Extension);
        if (caches.Length <= MaximumDirectories)
        {
            return;
        }

        foreach (var old in caches.Where(f => f.FullName != kept).OrderByDescending(f => f.LastWriteTimeUtc).Skip(MaximumDirectories - 1))
        {
            TryDelete(old.FullName);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (FileErrorText.IsFileError(error))
        {
            // Left for the next write's pruning.
        }
    }
}
