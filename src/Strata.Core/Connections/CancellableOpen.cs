using Npgsql;
using Strata.Core.Errors;

namespace Strata.Core.Connections;

/// <summary>
/// Opens a connection so that cancelling stops the wait at once. Npgsql does not stop waiting for a server's first
/// answer when the token is cancelled (it waits out the connect timeout), and it wraps a password command stopped by
/// the token in "an exception was thrown from the password provider": both end here as an
/// <see cref="OperationCanceledException"/>, so Ctrl-C and SIGTERM end the run as cancelled, not as a failed connection.
/// </summary>
internal static class CancellableOpen
{
    // Long enough for a cancelled password command to be killed and the open to fail with it; short next to a timeout.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var opening = dataSource.OpenConnectionAsync(cancellationToken).AsTask();
        try
        {
            return await opening.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!opening.IsCompleted)
        {
            // A password command stopped by the token ends the open in a moment: wait for that, so the command is killed
            // before the caller, cancelled too, can end the process and leave it running.
            await Task.WhenAny(opening, Task.Delay(Grace, CancellationToken.None));

            // The abandoned open goes on until Npgsql gives up; a connection it opens after all is closed, not leaked.
            _ = opening.ContinueWith(
                static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            AbandonedTask.Observe(opening);
            throw;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException && IsCancellation(ex))
        {
            throw new OperationCanceledException("Cancelled while connecting.", ex, cancellationToken);
        }
    }

    /// <summary>Whether <paramref name="exception"/> is, or wraps, a cancellation.</summary>
    public static bool IsCancellation(Exception exception) => ExceptionChain.Find<OperationCanceledException>(exception) is not null;
}
