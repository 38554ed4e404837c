using Microsoft.Extensions.Logging;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Local;

/// <summary>
/// An exclusive lock on the cluster's lock file, held around every operation that changes the cluster. On Unix .NET
/// takes an flock on files opened with <see cref="FileShare.None"/>; flock belongs to the open file description, so
/// two openings in one process exclude each other just like two processes do, and the kernel releases it when the
/// holder dies.
/// </summary>
internal sealed class ClusterLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly FileStream _stream;

    private ClusterLock(FileStream stream) => _stream = stream;

    public static async Task<ClusterLock> AcquireAsync(
        string path, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryOpen(path) is { } stream)
            {
                return new ClusterLock(stream);
            }

            if (waited.Elapsed >= timeout)
            {
                throw new LockNotAcquiredException(
                    $"Another Strata process held the local cluster lock {path} for more than {timeout.TotalSeconds:0}s; wait for it to finish, or stop it and retry.");
            }

            if (!announced)
            {
                logger.WaitingForClusterLock(path);
                announced = true;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public void Dispose() => _stream.Dispose();

    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeldElsewhere(e))
        {
            return null;
        }
    }

    // On Unix the HResult is the errno of the failed flock (EWOULDBLOCK: 11 on Linux, 35 on macOS); on Windows it is
    // ERROR_SHARING_VIOLATION. Any other I/O error is real and must not be waited out.
    private static bool IsHeldElsewhere(IOException e) =>
        e.GetType() == typeof(IOException)
        && (e.HResult is 11 or 35 || e.HResult == unchecked((int)0x80070020));
}
