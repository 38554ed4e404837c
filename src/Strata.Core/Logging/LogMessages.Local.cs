using Microsoft.Extensions.Logging;

namespace Strata.Core.Logging;

/// <summary>Log messages of the local cluster (event ids 1100–1199).</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Creating the local PostgreSQL cluster in {Directory} with the programs in {BinDirectory}")]
    internal static partial void CreatingLocalCluster(this ILogger logger, string directory, string binDirectory);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Created the local PostgreSQL {Version} cluster in {Directory}")]
    internal static partial void CreatedLocalCluster(this ILogger logger, string version, string directory);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Starting the local PostgreSQL in {Directory} on 127.0.0.1:{Port}")]
    internal static partial void StartingLocalCluster(this ILogger logger, string directory, int port);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "The local PostgreSQL is ready on 127.0.0.1:{Port} (pid {Pid})")]
    internal static partial void StartedLocalCluster(this ILogger logger, int port, int? pid);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Debug, Message = "The local PostgreSQL is already running on 127.0.0.1:{Port} (pid {Pid})")]
    internal static partial void LocalClusterAlreadyRunning(this ILogger logger, int port, int pid);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Port {OldPort} of the local PostgreSQL is taken by another program; moving the cluster to port {NewPort}")]
    internal static partial void LocalClusterPortMoved(this ILogger logger, int oldPort, int newPort);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Port {OldPort} was taken while the local PostgreSQL was starting; retrying on port {NewPort}")]
    internal static partial void LocalClusterPortRace(this ILogger logger, int oldPort, int newPort);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Information, Message = "Waiting for another Strata process that holds the local cluster lock {LockFile}")]
    internal static partial void WaitingForClusterLock(this ILogger logger, string lockFile);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Information, Message = "Stopping the local PostgreSQL in {Directory}")]
    internal static partial void StoppingLocalCluster(this ILogger logger, string directory);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Stopped the local PostgreSQL in {Directory}")]
    internal static partial void StoppedLocalCluster(this ILogger logger, string directory);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Deleted the local PostgreSQL cluster in {Directory}")]
    internal static partial void DestroyedLocalCluster(this ILogger logger, string directory);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "Strata runs as root, so the local PostgreSQL runs as the OS user {User}")]
    internal static partial void LocalClusterRunsAsUser(this ILogger logger, string user);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Information, Message = "The cluster path is too long for a Unix socket, or has a double quote in it; using the socket directory {SocketDirectory}")]
    internal static partial void LocalClusterSocketFallback(this ILogger logger, string socketDirectory);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Information, Message = "A previous server's shared memory is still in use (it was probably killed moments ago); retrying the start of the local PostgreSQL")]
    internal static partial void LocalClusterSharedMemoryBusy(this ILogger logger);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Debug, Message = "Running {Program} {Arguments}")]
    internal static partial void RunningProgram(this ILogger logger, string program, string arguments);

    [LoggerMessage(EventId = 1115, Level = LogLevel.Warning, Message = "Removing {Directory}, left behind by an interrupted creation of the local cluster")]
    internal static partial void RemovingInterruptedCreation(this ILogger logger, string directory);

    [LoggerMessage(EventId = 1116, Level = LogLevel.Warning, Message = "Removing the stale postmaster.pid of server process {Pid}, which is no longer running")]
    internal static partial void RemovingStalePidFile(this ILogger logger, int pid);
}
