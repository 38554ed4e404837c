using System.Text;
using Strata.Core.Data;

namespace Strata.Core.Local;

/// <summary>
/// Where a cluster's files live. Everything is inside <see cref="Root"/> except the lock file, which sits beside it
/// so that destroying the cluster never deletes a lock another process may be waiting on, and the socket directory
/// when the cluster's path is too long for a Unix-domain socket.
/// </summary>
internal sealed class ClusterLayout
{
    // sun_path holds 108 bytes including the terminating NUL.
    internal const int MaxSocketPathBytes = 107;
    private const string LongestSocketName = "/.s.PGSQL.65535";

    public ClusterLayout(string directory, string fallbackSocketParent = "/tmp")
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        Data = Path.Combine(Root, "data");
        DataBeingCreated = Path.Combine(Root, "data.initdb");
        LogFile = Path.Combine(Root, "postgres.log");
        LockFile = Root + ".lock";
        var preferred = Path.Combine(Root, "run");
        SocketDirectory = FitsSocketPath(preferred) ? preferred : FallbackSocketDirectory(Root, fallbackSocketParent);
    }

    /// <summary>The cluster directory, for example <c>./.strata/postgres</c>.</summary>
    public string Root { get; }

    /// <summary>PGDATA.</summary>
    public string Data { get; }

    /// <summary>Where initdb writes before the result is renamed to <see cref="Data"/>, so a half-made cluster is never used.</summary>
    public string DataBeingCreated { get; }

    /// <summary>The server's log, written by pg_ctl.</summary>
    public string LogFile { get; }

    /// <summary>The file locked around create, start, stop and destroy.</summary>
    public string LockFile { get; }

    /// <summary>The directory of the server's Unix-domain socket.</summary>
    public string SocketDirectory { get; }

    /// <summary>True when the socket directory is the hashed fallback under /tmp rather than <c>run</c> in the cluster.</summary>
    public bool UsesFallbackSocketDirectory => !SocketDirectory.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The file whose presence marks an initialized cluster.</summary>
    public string VersionFile => Path.Combine(Data, "PG_VERSION");

    public string PidFile => Path.Combine(Data, "postmaster.pid");

    public string ConfigFile => Path.Combine(Data, "postgresql.conf");

    public string StrataConfigFile => Path.Combine(Data, StrataConfigName);

    public string HbaFile => Path.Combine(Data, "pg_hba.conf");

    public static string StrataConfigName => "postgresql.strata.conf";

    private static bool FitsSocketPath(string directory) =>
        Encoding.UTF8.GetByteCount(directory + LongestSocketName) <= MaxSocketPathBytes
        // unix_socket_directories is a list: a double quote would need escaping rules not worth relying on.
        && !directory.Contains('"', StringComparison.Ordinal);

    private static string FallbackSocketDirectory(string root, string parent)
    {
        var hash = Convert.ToHexStringLower(Sha256.HashData(Encoding.UTF8.GetBytes(root)))[..16];
        return Path.Combine(parent, "strata-" + hash);
    }
}
