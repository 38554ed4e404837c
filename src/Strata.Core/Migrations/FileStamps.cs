using System.Runtime.InteropServices;

namespace Strata.Core.Migrations;

/// <summary>
/// Reads the <see cref="FileStamp"/> of the files of one directory with <c>statx</c>, by name relative to the open
/// directory, so the kernel walks one path component per file rather than the whole path. Linux only: elsewhere, or
/// when the directory cannot be opened, every stamp is null and the files are read as without a cache.
/// </summary>
internal sealed partial class FileStamps : IDisposable
{
    private const uint BasicStats = 0x7ff;
    private const uint Needed = 0x001 /* type */ | 0x040 /* mtime */ | 0x080 /* ctime */ | 0x100 /* ino */ | 0x200 /* size */;
    private const ushort FileTypeMask = 0xF000;
    private const ushort RegularFile = 0x8000;

    private nint _directory;

    private FileStamps(nint directory) => _directory = directory;

    /// <summary>Opens <paramref name="directory"/> for reading its files' stamps.</summary>
    public static FileStamps Open(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new FileStamps(0);
        }

        try
        {
            return new FileStamps(OpenDirectory(directory));
        }
        catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without these calls: the files are read and hashed as without a cache.
            return new FileStamps(0);
        }
    }

    /// <summary>The stamp of the regular file <paramref name="name"/> in the directory, or null when it has none to give.</summary>
    public FileStamp? Of(string name)
    {
        if (_directory == 0)
        {
            return null;
        }

        try
        {
            if (Statx(DirectoryDescriptor(_directory), name, 0, BasicStats, out var buffer) != 0
                || (buffer.Mask & Needed) != Needed
                || (buffer.Mode & FileTypeMask) != RegularFile)
            {
                return null;
            }

            return new FileStamp(
                (long)buffer.Size, buffer.ModifiedSeconds, buffer.ModifiedNanoseconds, buffer.ChangedSeconds, buffer.ChangedNanoseconds,
                buffer.Inode, ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.28 has no statx.
            return null;
        }
    }

    public void Dispose()
    {
        if (_directory != 0)
        {
            _ = CloseDirectory(_directory);
            _directory = 0;
        }
    }

    // opendir and dirfd rather than open: open is variadic, which a platform call cannot declare.
    [LibraryImport("libc", EntryPoint = "opendir", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OpenDirectory(string path);

    [LibraryImport("libc", EntryPoint = "dirfd")]
    private static partial int DirectoryDescriptor(nint directory);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDirectory(nint directory);

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out Buffer buffer);

    // statx has one layout on every Linux architecture, unlike struct stat, so one declaration serves them all.
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
