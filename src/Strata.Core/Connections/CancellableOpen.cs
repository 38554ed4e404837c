using Npgsql;

namespace Strata.Core.Connections;

/// <summary>
/// Opens a connection so that cancelling stops the wait at once. Npgsql does not stop waiting for a server's first
/// answer when the token is cancelled (it waits out the connect timeout), so Ctrl-C and SIGTERM would not end a run
/// that is connecting until the timeout.
/// </summary>
internal static class CancellableOpen
{
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var opening = dataSource.OpenConnectionAsync(cancellationToken).AsTask();
        try
        {
            return await opening.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!opening.IsCompleted)
        {
            // The abandoned open goes on until Npgsql gives up; a connection it opens after all is closed, not leaked.
            _ = opening.ContinueWith(
                static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            _ = opening.ContinueWith(
                static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }
}
