using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Local;

/// <summary>
/// A PostgreSQL cluster in a project directory (by default <c>./.strata/postgres</c>), created with the machine's
/// initdb, run with pg_ctl, listening on 127.0.0.1 and a Unix socket, and kept between runs. Every operation that
/// changes it holds an OS file lock, so concurrent Strata processes neither corrupt it nor start it twice.
/// </summary>
internal sealed class LocalCluster : ILocalServer
{
    private const string Host = "127.0.0.1";
    private readonly LocalClusterOptions _options;
    private readonly ClusterLayout _layout;
    private readonly ILogger _logger;
    private readonly ProgramRunner _runner;

    /// <summary>Creates a handle on the cluster; nothing is touched on disk until an operation is called.</summary>
    /// <exception cref="ConfigurationException">The options are invalid.</exception>
    public LocalCluster(LocalClusterOptions options, ILogger<LocalCluster>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        _options = options;
        _layout = new ClusterLayout(options.Directory);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _runner = new ProgramRunner(_logger);
    }

    /// <summary>The default cluster directory of a project: <c>&lt;workingDirectory&gt;/.strata/postgres</c>.</summary>
    public static string DefaultDirectory(string workingDirectory) =>
        Path.Combine(Path.GetFullPath(workingDirectory), ".strata", "postgres");

    /// <inheritdoc />
    /// <exception cref="PrerequisiteMissingException">initdb, pg_ctl or postgres is not installed.</exception>
    /// <exception cref="LocalClusterException">The cluster could not be created or started.</exception>
    /// <exception cref="LockNotAcquiredException">Another process kept the cluster locked beyond the lock timeout.</exception>
    public async Task<LocalServerEndpoint> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        ClusterDirectories.EnsureLockParent(_layout);
        using var held = await LockAsync(cancellationToken);
        var running = await PostmasterPidFile.ReadAsync(_layout.PidFile, cancellationToken);
        if (running is not null && running.IsAlive())
        {
            if (!running.IsReady() || running.Port is null)
            {
                throw new LocalClusterException(
                    $"The local PostgreSQL in {_layout.Root} is running but not accepting connections (state: {running.Status}); wait for it, or stop it (log: {_layout.LogFile}).")
                {
                    NextSteps = [new NextStep(NextStepKind.StopLocalCluster)],
                };
            }

            _logger.LocalClusterAlreadyRunning(running.Port.Value, running.Pid);
            return Endpoint(running.Port.Value);
        }

        if (running is not null)
        {
            RemoveStalePidFile(running);
        }

        var (pgCtl, user) = await ToolsAsync(cancellationToken);
        if (_layout.UsesFallbackSocketDirectory)
        {
            _logger.LocalClusterSocketFallback(_layout.SocketDirectory);
        }

        await ClusterDirectories.PrepareAsync(_layout, user, cancellationToken);
        var startup = new ClusterStartup(pgCtl, user, _layout, _options, _logger);
        await startup.CreateIfMissingAsync(cancellationToken);
        var port = await startup.StartAsync(cancellationToken);
        var started = await PostmasterPidFile.ReadAsync(_layout.PidFile, cancellationToken);
        _logger.StartedLocalCluster(port, started?.Pid);
        return Endpoint(port);
    }

    /// <summary>Reports whether the cluster exists and runs, and where. Reads files only; takes no lock.</summary>
    public async Task<LocalClusterStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var exists = File.Exists(_layout.VersionFile);
        var pidFile = await PostmasterPidFile.ReadAsync(_layout.PidFile, cancellationToken);
        var running = pidFile is not null && pidFile.IsAlive();
        var port = running ? pidFile!.Port : await ClusterConfig.ReadPortAsync(_layout, cancellationToken);
        var version = exists ? (await File.ReadAllTextAsync(_layout.VersionFile, cancellationToken)).Trim() : null;
        return new LocalClusterStatus(
            exists, running, _layout.Root, port, running ? pidFile!.Pid : null, version, _layout.SocketDirectory, _options.Username);
    }

    /// <summary>Stops the server (fast shutdown: sessions are disconnected, data is flushed). False if it was not running.</summary>
    /// <exception cref="LocalClusterException">pg_ctl could not stop it.</exception>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.GetDirectoryName(_layout.LockFile)))
        {
            return false;
        }

        using var held = await LockAsync(cancellationToken);
        return await StopLockedAsync(cancellationToken);
    }

    /// <summary>Stops the server if it runs and deletes the cluster directory with all its data. False if there was nothing to delete.</summary>
    /// <exception cref="LocalClusterException">The server could not be stopped or the directory could not be deleted.</exception>
    public async Task<bool> DestroyAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.GetDirectoryName(_layout.LockFile)))
        {
            return false;
        }

        using var held = await LockAsync(cancellationToken);
        var existed = Directory.Exists(_layout.Root);
        if (existed)
        {
            await StopLockedAsync(cancellationToken);
            ClusterDirectories.Delete(_layout.Root);
            _logger.DestroyedLocalCluster(_layout.Root);
        }

        if (_layout.UsesFallbackSocketDirectory)
        {
            ClusterDirectories.Delete(_layout.SocketDirectory);
        }

        return existed;
    }

    private async Task<bool> StopLockedAsync(CancellationToken cancellationToken)
    {
        var pidFile = await PostmasterPidFile.ReadAsync(_layout.PidFile, cancellationToken);
        if (pidFile is null || !pidFile.IsAlive())
        {
            return false;
        }

        // Only the user the server runs as may stop it: the one who owns the data directory, whichever user the
        // environment names now.
        var owner = Environment.IsPrivilegedProcess ? await FileOwner.NameAsync(_layout.Data, _options, _runner, cancellationToken) : null;
        var (pgCtl, _) = await ToolsAsync(cancellationToken, owner);
        _logger.StoppingLocalCluster(_layout.Root);
        var logOffset = ServerLog.Length(_layout.LogFile);
        var result = await pgCtl.StopAsync(cancellationToken);
        if (!result.Succeeded)
        {
            var logText = await ServerLog.ReadFromAsync(_layout.LogFile, logOffset, cancellationToken);
            throw new LocalClusterException(
                $"pg_ctl could not stop the local PostgreSQL in {_layout.Root}: {ServerLog.Summarize(logText, result.Output)} (log: {_layout.LogFile})");
        }

        _logger.StoppedLocalCluster(_layout.Root);
        return true;
    }

    // PostgreSQL removes a pid file whose process is gone, but not one whose pid now belongs to another process or
    // to a killed server that nobody reaped (containers whose init does not reap zombies): it would refuse to start.
    private void RemoveStalePidFile(PostmasterPidFile stale)
    {
        _logger.RemovingStalePidFile(stale.Pid);
        File.Delete(_layout.PidFile);
    }

    // A process of another user may not open the lock file (a cluster set up by root, used by postgres): say whose it is.
    private async Task<ClusterLock> LockAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ClusterLock.AcquireAsync(_layout.LockFile, _options.LockTimeout, _logger, cancellationToken);
        }
        catch (UnauthorizedAccessException ex)
        {
            var owner = await FileOwner.NameAsync(_layout.LockFile, _options, _runner, cancellationToken);
            var whose = owner is null ? "another OS user" : $"the OS user {owner}";
            throw new LocalClusterException(
                $"The local PostgreSQL in {_layout.Root} was set up by {whose}: its lock file {_layout.LockFile} cannot be opened by {Environment.UserName}; run Strata as {owner ?? "that user"} in this project.",
                ex);
        }
    }

    private async Task<(PgCtl PgCtl, ClusterUser? User)> ToolsAsync(CancellationToken cancellationToken, string? owner = null)
    {
        var binaries = PostgresBinaries.Locate(_options);
        var user = await ClusterUser.ResolveAsync(_options, _runner, cancellationToken, owner);
        if (user is not null)
        {
            _logger.LocalClusterRunsAsUser(user.Name);
        }

        return (new PgCtl(binaries, user, _runner, _layout, _options), user);
    }

    private LocalServerEndpoint Endpoint(int port) => new(Host, port, _layout.SocketDirectory, _options.Username);

    private static void Validate(LocalClusterOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Directory)
            || Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Directory))) is null)
        {
            throw new ConfigurationException(
                $"The local cluster directory '{options.Directory}' is not usable; give a directory below the filesystem root, such as ./.strata/postgres.");
        }

        if (options.StartTimeout <= TimeSpan.Zero || options.LockTimeout < TimeSpan.Zero)
        {
            throw new ConfigurationException("The local cluster's start timeout must be positive and its lock timeout not negative.");
        }

        if (string.IsNullOrWhiteSpace(options.Username))
        {
            throw new ConfigurationException("The local cluster's superuser name is empty; leave it unset to use postgres.");
        }

        ClusterConfig.Validate(options.ServerSettings);
    }
}
