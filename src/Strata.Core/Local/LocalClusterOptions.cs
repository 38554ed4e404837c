namespace Strata.Core.Local;

/// <summary>
/// How a <see cref="LocalCluster"/> is laid out, found and run. Built once by the caller; <see cref="LocalCluster"/>
/// validates it. Nothing here is read from the process environment: the caller passes the variables that matter in
/// <see cref="Environment"/>.
/// </summary>
internal sealed record LocalClusterOptions
{
    /// <summary>The environment variable naming a directory that holds initdb, pg_ctl and postgres.</summary>
    public const string BinDirectoryVariable = "STRATA_PG_BIN";

    /// <summary>The environment variable naming the OS user the cluster runs as when Strata runs as root.</summary>
    public const string RunAsUserVariable = "STRATA_LOCAL_USER";

    /// <summary>
    /// The cluster's own directory, holding its data, socket directory and log (see
    /// <see cref="LocalCluster.DefaultDirectory"/>). Relative paths are taken from the current directory.
    /// </summary>
    public required string Directory { get; init; }

    /// <summary>
    /// The environment Strata was started with. Only <c>PATH</c>, <c>STRATA_PG_BIN</c> and <c>STRATA_LOCAL_USER</c>
    /// are read. Empty by default, which means the binaries are looked for in the system directories only.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The OS user that runs PostgreSQL when Strata runs as root (PostgreSQL refuses to run as root). Defaults to
    /// <c>STRATA_LOCAL_USER</c>, else <c>postgres</c> if that user exists, else <c>nobody</c>. Ignored when Strata
    /// does not run as root: the cluster then runs as the current user.
    /// </summary>
    public string? RunAsUser { get; init; }

    /// <summary>
    /// Creates the cluster with <c>initdb --no-sync</c>. Faster, but a crash during creation can leave damaged files:
    /// meant for throwaway clusters such as a test run's.
    /// </summary>
    public bool NoSync { get; init; }

    /// <summary>
    /// Runs the server with <c>fsync = off</c>. Data may be lost or corrupted by an OS crash or power loss: meant for
    /// throwaway clusters such as a test run's.
    /// </summary>
    public bool FsyncOff { get; init; }

    /// <summary>How long <c>pg_ctl</c> waits for the server to accept connections (or to shut down).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for another Strata process that is creating, starting or stopping the same cluster.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The superuser created by initdb and returned in the endpoint. Applies when the cluster is created.</summary>
    public string Username { get; init; } = "postgres";

    /// <summary>
    /// Extra server settings (such as <c>max_connections</c>), written to the cluster's configuration at every start.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ServerSettings { get; init; }

    /// <summary>
    /// Where PostgreSQL installations are looked for when PATH has none, as (parent directory, child-name prefix)
    /// pairs: each child is a version whose programs are in its <c>bin</c> folder. Replaced by tests.
    /// </summary>
    internal IReadOnlyList<(string Parent, string Prefix)> SystemSearchRoots { get; init; } = PostgresBinaries.DefaultSearchRoots;
}
