using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Local;

/// <summary>Creates a cluster that does not exist yet and starts one that is not running. Called under the cluster lock.</summary>
internal sealed class ClusterStartup(PgCtl pgCtl, ClusterUser? user, ClusterLayout layout, LocalClusterOptions options, ILogger logger)
{
    private const int StartAttempts = 4;
    private static readonly TimeSpan SharedMemoryBackoff = TimeSpan.FromMilliseconds(250);

    public async Task CreateIfMissingAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(layout.VersionFile))
        {
            return;
        }

        if (Directory.Exists(layout.Data) && Directory.EnumerateFileSystemEntries(layout.Data).Any())
        {
            throw new LocalClusterException(
                $"{layout.Data} exists but is not a PostgreSQL data directory; move it away, or delete the local cluster.")
            {
                NextSteps = [new NextStep(NextStepKind.DestroyLocalCluster)],
            };
        }

        ClusterDirectories.Delete(layout.Data);
        if (Directory.Exists(layout.DataBeingCreated))
        {
            logger.RemovingInterruptedCreation(layout.DataBeingCreated);
            ClusterDirectories.Delete(layout.DataBeingCreated);
        }

        logger.CreatingLocalCluster(layout.Root, pgCtl.BinDirectory);
        var result = await pgCtl.InitDbAsync(cancellationToken);
        if (!result.Succeeded)
        {
            ClusterDirectories.Delete(layout.DataBeingCreated);
            throw new LocalClusterException(
                $"initdb could not create the local cluster in {layout.Root}: {ServerLog.Summarize(result.Output, result.Output)}");
        }

        await ClusterConfig.WriteAtCreationAsync(layout.DataBeingCreated, cancellationToken);
        // Renaming last means a creation interrupted at any point leaves no half-made data directory behind.
        Directory.Move(layout.DataBeingCreated, layout.Data);
        var version = (await File.ReadAllTextAsync(layout.VersionFile, cancellationToken)).Trim();
        logger.CreatedLocalCluster(version, layout.Root);
    }

    /// <summary>Starts the server on its persisted port, or a new free one if that port is taken, and returns the port.</summary>
    public async Task<int> StartAsync(CancellationToken cancellationToken) =>
        await StartOnAsync(await ChoosePortAsync(cancellationToken), cancellationToken);

    /// <summary>Starts the server on <paramref name="port"/>, moving to another free port if that one is taken meanwhile.</summary>
    internal async Task<int> StartOnAsync(int port, CancellationToken cancellationToken)
    {
        await ClusterConfig.WriteAsync(layout, port, options, cancellationToken);
        if (user is not null)
        {
            // The rest of the cluster was handed over before initdb; this file may have just been created by root.
            await user.OwnAsync(layout.StrataConfigFile, recursive: false, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            logger.StartingLocalCluster(layout.Root, port);
            var logOffset = ServerLog.Length(layout.LogFile);
            var result = await pgCtl.StartAsync(cancellationToken);
            if (result.Succeeded)
            {
                return port;
            }

            var logText = await ServerLog.ReadFromAsync(layout.LogFile, logOffset, cancellationToken);
            var retry = attempt < StartAttempts;
            if (retry && IsPortTaken(logText))
            {
                var next = LoopbackPorts.PickFree();
                logger.LocalClusterPortRace(port, next);
                port = next;
                await ClusterConfig.WriteAsync(layout, port, options, cancellationToken);
            }
            else if (retry && IsSharedMemoryStillInUse(logText))
            {
                logger.LocalClusterSharedMemoryBusy();
                await Task.Delay(SharedMemoryBackoff * attempt, cancellationToken);
            }
            else
            {
                throw new LocalClusterException(
                    $"The local PostgreSQL in {layout.Root} did not start: {ServerLog.Summarize(logText, result.Output)}{(File.Exists(layout.LogFile) ? $" (log: {layout.LogFile})" : " (it wrote no log)")}");
            }
        }
    }

    private async Task<int> ChoosePortAsync(CancellationToken cancellationToken)
    {
        var persisted = await ClusterConfig.ReadPortAsync(layout, cancellationToken);
        if (persisted is { } port && LoopbackPorts.IsFree(port))
        {
            return port;
        }

        var fresh = LoopbackPorts.PickFree();
        if (persisted is { } taken)
        {
            logger.LocalClusterPortMoved(taken, fresh);
        }

        return fresh;
    }

    private static bool IsPortTaken(string logText) =>
        logText.Contains("could not bind IPv4 address", StringComparison.Ordinal)
        || logText.Contains("Address already in use", StringComparison.Ordinal);

    // After a kill -9 of the postmaster its children notice and exit within moments; until they have, the old shared
    // memory is attached and PostgreSQL refuses to start.
    private static bool IsSharedMemoryStillInUse(string logText) =>
        logText.Contains("pre-existing shared memory block", StringComparison.Ordinal);
}
