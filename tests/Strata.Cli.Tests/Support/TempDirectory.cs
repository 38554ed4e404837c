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

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file open must not fail the test that already passed or failed.
        }
    }
}
