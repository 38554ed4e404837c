using System.Runtime.InteropServices;

namespace Strata.Core.Migrations;

/// <summary>
/// What the file system says of a file without reading it: size, inode, device, and the times of its last content
/// change (mtime) and last change of any kind (ctime). A write, a rename into place or an extraction moves the ctime,
/// and no tool sets it back, so an equal stamp means the content has not changed since the stamp was taken (the rule
/// git's index relies on).
/// </summary>
internal readonly partial record struct FileStamp(long Size, long ModifiedSeconds, uint ModifiedNanoseconds, long ChangedSeconds, uint ChangedNanoseconds, ulong Inode, ulong Device)
{
    /// <summary>The stamp of the regular file at <paramref name="path"/>, or null when it has none to give (not Linux, not a regular file, an error).</summary>
    public static FileStamp? Of(string path) => OperatingSystem.IsLinux() ? Statx.Of(path) : null;

    /// <summary>
    /// True when the file changed less than <paramref name="margin"/> before <paramref name="now"/> (or claims a later
    /// time): a timestamp has a granularity of a clock tick, so a second change within the same tick could keep the
    /// stamp, and such a stamp is not trusted until it is older.
    /// </summary>
    public bool IsRecent(DateTimeOffset now, TimeSpan margin)
    {
        var limit = now.ToUnixTimeSeconds() - (long)Math.Ceiling(margin.TotalSeconds);
        return ChangedSeconds >= limit || ModifiedSeconds >= limit;
    }

    // statx has one layout on every Linux architecture, unlike struct stat, so one declaration serves them all.
    private static partial class Statx
    {
        private const int AtCurrentDirectory = -100;
        private const uint BasicStats = 0x7ff;
        private const uint Needed = 0x001 /* type */ | 0x040 /* mtime */ | 0x080 /* ctime */ | 0x100 /* ino */ | 0x200 /* size */;
        private const ushort FileTypeMask = 0xF000;
        private const ushort RegularFile = 0x8000;
        private static bool _missing;

        public static FileStamp? Of(string path)
        {
            if (_missing)
            {
                return null;
            }

            try
            {
                if (Call(AtCurrentDirectory, path, 0, BasicStats, out var buffer) != 0
                    || (buffer.Mask & Needed) != Needed
                    || (buffer.Mode & FileTypeMask) != RegularFile)
                {
                    return null;
                }

                return new FileStamp(
                    (long)buffer.Size, buffer.ModifiedSeconds, buffer.ModifiedNanoseconds, buffer.ChangedSeconds, buffer.ChangedNanoseconds,
                    buffer.Inode, ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor);
            }
            catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library without statx (glibc before 2.28, some musl builds): files are read and hashed as without a cache.
                _missing = true;
                return null;
            }
        }

        [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
        private static partial int Call(int directory, string path, int flags, uint mask, out Buffer buffer);

        [StructLayout(LayoutKind.Explicit, Size = 256)]
        private struct Buffer
        {
            [FieldOffset(0)] public uint Mask;
            [FieldOffset(28)] public ushort Mode;
            [FieldOffset(32)] public ulong Inode;
            [FieldOffset(40)] public ulong Size;
            [FieldOffset(96)] public long ChangedSeconds;
            [FieldOffset(104)] public uint ChangedNanoseconds;
            [FieldOffset(112)] public long ModifiedSeconds;
            [FieldOffset(120)] public uint ModifiedNanoseconds;
            [FieldOffset(136)] public uint DeviceMajor;
            [FieldOffset(140)] public uint DeviceMinor;
        }
    }
}
