using System.Diagnostics;
using System.Globalization;
using Strata.Core.Errors;

namespace Strata.Core.Data;

/// <summary>
/// Writes a file whole or not at all: the content is written to a temporary file beside it, flushed to the disk and
/// renamed to the file's name. A reader sees the old content or the new, never part of it, and a write that fails or is
/// killed part-way leaves the old file as it was. A killed write leaves its temporary file (hidden, named after the
/// file, the process and a random part); the next write of the same file removes those whose process is gone, and any
/// older than an hour.
/// </summary>
internal static class AtomicFile
{
    /// <summary>A temporary file older than this is abandoned whatever its process id says (ids are reused).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private const string TemporarySuffix = ".tmp";

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, in a directory that exists.</summary>
    /// <exception cref="IOException">The file cannot be written, or its directory does not exist (the old file is unchanged).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied (the old file is unchanged).</exception>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (Replaceable(Path.GetFullPath(path)) is not { } full)
        {
            // A device, a pipe or a terminal (--out /dev/stdout): written as it is, since renaming over it would
            // replace the device's name with a plain file.
            await File.WriteAllBytesAsync(path, content.ToArray(), cancellationToken);
            return;
        }

        var temporary = await WriteTemporaryAsync(full, content, cancellationToken);
        try
        {
            if (!OperatingSystem.IsWindows() && File.Exists(full))
            {
                // The new file keeps the old one's permissions, as a file written in place would.
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> with <paramref name="content"/>, whole or not at all, unless a file of that name
    /// exists (then nothing is written and the answer is false, even when another process creates it meanwhile).
    /// </summary>
    /// <exception cref="IOException">The file cannot be written, or its directory does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public static async Task<bool> CreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return false;
        }

        var temporary = await WriteTemporaryAsync(full, content, cancellationToken);
        try
        {
            File.Move(temporary, full, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(full))
        {
            return false;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Fails now as <see cref="WriteAsync"/> would later when its temporary file cannot be created beside
    /// <paramref name="path"/> (no directory, no permission to write in it), creating one and removing it again.
    /// </summary>
    /// <exception cref="IOException">The directory does not exist, or the file cannot be created in it.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public static void CheckWritable(string path)
    {
        if (Replaceable(Path.GetFullPath(path)) is not { } full)
        {
            return;
        }

        var probe = TemporaryPath(full);
        using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose);
    }

    // The content in a new temporary file beside the file, on the disk; removed again if writing it fails.
    private static async Task<string> WriteTemporaryAsync(string full, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        RemoveAbandoned(directory, name, DateTime.UtcNow);
        var temporary = TemporaryPath(full);
        try
        {
            await using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            await stream.WriteAsync(content, cancellationToken);
            stream.Flush(flushToDisk: true);
            return temporary;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    // A new temporary file's path beside the file, unique to this write.
    private static string TemporaryPath(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, TemporaryName(Path.GetFileName(full), Environment.ProcessId, Guid.NewGuid().ToString("N")[..8]));

    // The file to replace: the path itself, or the file a link at it leads to (the link stays a link); null for what
    // is not a file on a disk, such as /dev/stdout or /dev/null, or a link to a pipe.
    private static string? Replaceable(string full)
    {
        var info = new FileInfo(full);
        var target = info.LinkTarget is null ? full : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return target is null || target.StartsWith("/dev/", StringComparison.Ordinal) || target.StartsWith("/proc/", StringComparison.Ordinal)
            ? null
            : target;
    }

    /// <summary>The name of a temporary file of <paramref name="name"/>: hidden, and saying which process wrote it.</summary>
    public static string TemporaryName(string name, int processId, string unique) =>
        $".{name}.{processId.ToString(CultureInfo.InvariantCulture)}.{unique}{TemporarySuffix}";

    /// <summary>Removes the temporary files of <paramref name="name"/> that no write is still using.</summary>
    private static void RemoveAbandoned(string directory, string name, DateTime utcNow)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        var prefix = "." + name + ".";
        foreach (var file in Directory.EnumerateFiles(directory, ".*" + TemporarySuffix))
        {
            var fileName = Path.GetFileName(file);
            if (fileName.StartsWith(prefix, StringComparison.Ordinal)
                && WriterOf(fileName.AsSpan(prefix.Length, fileName.Length - prefix.Length - TemporarySuffix.Length)) is { } writer
                && (File.GetLastWriteTimeUtc(file) < utcNow - AbandonedAfter || !IsRunning(writer)))
            {
                TryDelete(file);
            }
        }
    }

    // "<pid>.<random>", or "<pid>" alone as schema dumps named them before: the process id, if the name has one.
    private static int? WriterOf(ReadOnlySpan<char> middle)
    {
        var dot = middle.IndexOf('.');
        var id = dot < 0 ? middle : middle[..dot];
        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var processId) ? processId : null;
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            // Another write of this process, still going on, or a run before a restart that had the same id (as the
            // first process of a container does): its age decides.
            return true;
        }

        try
        {
            // Looks the id up (in /proc on Linux) without touching the process, which may be another user's.
            using var process = Process.GetProcessById(processId);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (FileErrorText.IsFileError(ex))
        {
            // Left for the next write to remove: the write itself succeeded or already failed with its own error.
        }
    }
}
