namespace Strata.Core.Tests.BadInput;

/// <summary>
/// Files and directories the test process cannot read. As a regular user a mode of 000 does it; root reads anything
/// with that mode, so as root a symbolic link to a kernel file and directory that refuse even root is used instead.
/// </summary>
public static class UnreadablePaths
{
    private const string RootUnreadableFile = "/sys/bus/pci/rescan";
    private const string RootUnreadableDirectory = "/proc/1/map_files";

    public static bool CanMakeFile => !Environment.IsPrivilegedProcess || Refuses(() => File.ReadAllBytes(RootUnreadableFile));

    public static bool CanMakeDirectory => !Environment.IsPrivilegedProcess || Refuses(() => Directory.EnumerateFiles(RootUnreadableDirectory).ToList());

    public static void MakeFile(string path)
    {
        if (Environment.IsPrivilegedProcess)
        {
            File.CreateSymbolicLink(path, RootUnreadableFile);
            return;
        }

        File.WriteAllText(path, "-- migrate:up\nSELECT 1;\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
    }

    public static void MakeDirectory(string path)
    {
        if (Environment.IsPrivilegedProcess)
        {
            Directory.CreateSymbolicLink(path, RootUnreadableDirectory);
            return;
        }

        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }
    }

    private static bool Refuses(Action read)
    {
        try
        {
            read();
            return false;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}

/// <summary>A test that needs a file the test process cannot read; skipped where none can be made.</summary>
public sealed class UnreadableFileFactAttribute : FactAttribute
{
    public UnreadableFileFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !UnreadablePaths.CanMakeFile)
        {
            Skip = "No file this process cannot read can be made here.";
        }
    }
}

/// <summary>A test that needs a directory the test process cannot read; skipped where none can be made.</summary>
public sealed class UnreadableDirectoryFactAttribute : FactAttribute
{
    public UnreadableDirectoryFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !UnreadablePaths.CanMakeDirectory)
        {
            Skip = "No directory this process cannot read can be made here.";
        }
    }
}
