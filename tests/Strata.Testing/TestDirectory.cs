namespace Strata.Testing;

/// <summary>
/// A fresh directory under the temp directory, named <c>strata-test-*</c>, enterable by every user (so a cluster
/// running as an unprivileged user can reach what is inside). It holds <c>owner.lock</c> locked for as long as it is
/// in use: a later run that finds the lock free knows the owner died and removes the directory and any server in it.
/// </summary>
public sealed class TestDirectory : IDisposable
{
    private const string Prefix = "strata-test-";
    private const string OwnerLockName = "owner.lock";
    private const UnixFileMode Traversable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // A directory younger than this may belong to a run that is still between creating it and locking it.
    private static readonly TimeSpan MinimumAge = TimeSpan.FromSeconds(10);
    private readonly FileStream _ownerLock;

    private TestDirectory(string path, FileStream ownerLock)
    {
        Path = path;
        _ownerLock = ownerLock;
    }

    /// <summary>The directory's absolute path.</summary>
    public string Path { get; }

    /// <summary>Creates a new directory, after removing those left behind by test processes that were killed.</summary>
    public static TestDirectory Create()
    {
        ReapLeftovers();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, Traversable);
            // The umask may have removed the bits another user needs to enter it.
            File.SetUnixFileMode(path, Traversable);
        }

        var ownerLock = new FileStream(
            System.IO.Path.Combine(path, OwnerLockName), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new TestDirectory(path, ownerLock);
    }

    /// <summary>A path inside the directory.</summary>
    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Shuts down any server still running below the directory and deletes it.</summary>
    public void Dispose()
    {
        Postmasters.StopAllBelow(Path);
        _ownerLock.Dispose();
        DeleteQuietly(Path);
    }

    private static void ReapLeftovers()
    {
        foreach (var directory in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), Prefix + "*"))
        {
            var age = DateTime.UtcNow - Directory.GetCreationTimeUtc(directory);
            if (age < MinimumAge)
            {
                continue;
            }

            var ownerLock = System.IO.Path.Combine(directory, OwnerLockName);
            if (!File.Exists(ownerLock))
            {
                // Its owner began deleting it and was killed first (the test host can be killed while it exits).
                Postmasters.StopAllBelow(directory);
                DeleteQuietly(directory);
                continue;
            }

            try
            {
                using var owned = new FileStream(ownerLock, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                Postmasters.StopAllBelow(directory);
                DeleteQuietly(directory);
            }
            catch (IOException)
            {
                // Locked: its test process is alive.
            }
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover that cannot be removed now is retried by the next run.
        }
    }
}
