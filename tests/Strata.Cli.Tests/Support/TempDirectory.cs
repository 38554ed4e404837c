namespace Strata.Cli.Tests.Support;

/// <summary>A temporary directory deleted when the test ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = CreateTraversable();
    }

    /// <summary>
    /// A new temporary directory others may enter: the local PostgreSQL runs as an unprivileged user when the tests
    /// run as root, and must reach a cluster kept below it.
    /// </summary>
    public static string CreateTraversable()
    {
        var path = Directory.CreateTempSubdirectory("strata-cli-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }

        return path;
    }

    public string Path { get; }

    /// <summary>
    /// A traversable directory nobody disposes of (a harness's working directory, for a test that does not name one):
    /// it lives under one directory of this test process, deleted when the process exits or, if it cannot be then
    /// (the test host is stopped), by the next test process.
    /// </summary>
    public static string CreateForProcess()
    {
        var path = System.IO.Path.Combine(ProcessRoot.Value, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }

        return path;
    }

    private const string ProcessRootPrefix = "strata-cli-run-";

    private static readonly Lazy<string> ProcessRoot = new(() =>
    {
        foreach (var old in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), ProcessRootPrefix + "*"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(old).AsSpan(ProcessRootPrefix.Length), out var pid) && !IsRunning(pid))
            {
                Delete(old);
            }
        }

        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), ProcessRootPrefix + System.Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(root);
        return root;
    });

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose() => Delete(Path);

    private static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A process still holding a file open must not fail the test that already passed or failed.
        }
    }
}
