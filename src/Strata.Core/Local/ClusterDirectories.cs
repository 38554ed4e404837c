using Strata.Core.Errors;

namespace Strata.Core.Local;

/// <summary>Creates the cluster's directories with permissions that suit PostgreSQL and the user it runs as.</summary>
internal static class ClusterDirectories
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode Traversable = OwnerOnly
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Creates the directory holding the lock file (for example <c>.strata</c>), readable and enterable by all.</summary>
    public static void EnsureLockParent(ClusterLayout layout)
    {
        var parent = Path.GetDirectoryName(layout.LockFile)!;
        if (!Directory.Exists(parent))
        {
            Create(parent, Traversable);
        }
    }

    /// <summary>
    /// Creates the cluster and socket directories and, when PostgreSQL runs as another user, hands the cluster to
    /// that user and checks it can reach it.
    /// </summary>
    public static async Task PrepareAsync(ClusterLayout layout, ClusterUser? user, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(layout.Root))
        {
            Create(layout.Root, OwnerOnly);
        }

        // Only this cluster uses its socket directory, and it is not running: stale socket lock files of a killed
        // server (or, under /tmp, a directory someone else planted) are replaced by a fresh, owner-only directory.
        Delete(layout.SocketDirectory);
        Create(layout.SocketDirectory, OwnerOnly);

        if (user is not null)
        {
            await user.OwnAsync(layout.Root, recursive: true, cancellationToken);
            if (layout.UsesFallbackSocketDirectory)
            {
                await user.OwnAsync(layout.SocketDirectory, recursive: false, cancellationToken);
            }

            await user.EnsureCanUseAsync(layout.Root, cancellationToken);
        }
    }

    /// <summary>Deletes <paramref name="path"/> and everything in it, if it exists.</summary>
    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (FileErrorText.IsFileError(e))
        {
            throw new LocalClusterException($"Could not delete {path}: {FileErrorText.Describe(e)}.", e);
        }
    }

    private static void Create(string path, UnixFileMode mode)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
                return;
            }

            Directory.CreateDirectory(path, mode);
            // The process umask may have removed bits the cluster's user needs.
            File.SetUnixFileMode(path, mode);
        }
        catch (Exception e) when (FileErrorText.IsFileError(e))
        {
            throw new LocalClusterException($"Could not create the local cluster's directory {path}: {FileErrorText.Describe(e)}.", e);
        }
    }
}
