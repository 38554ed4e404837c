using Microsoft.Extensions.Logging;
using Strata.AspNetCore.Logging;
using Strata.Core.Connections;
using Strata.Core.Errors;

namespace Strata.AspNetCore.Hosting;

/// <summary>
/// Waits, within a bound, until the app's database accepts a connection: at start, a database that is still booting
/// (or a network not yet up) is normal, and migrate-on-start should outlast it rather than crash the app. Each failure
/// is logged with what is left of the wait; a refused login ends the wait at once, since waiting does not fix it.
/// </summary>
internal static class DatabaseStartupWait
{
    private static readonly ConnectionWait Wait = new()
    {
        FirstPause = TimeSpan.FromMilliseconds(250),
        LongestPause = TimeSpan.FromSeconds(5),
        ShortestAttempt = TimeSpan.FromMilliseconds(500),
        AttemptTimedOut = _ => "the connection attempt timed out",
    };

    /// <exception cref="ConnectionFailedException">The database did not answer within <paramref name="limit"/>, or refused the login.</exception>
    public static async Task RunAsync(
        StrataDatabase database, TimeSpan limit, ILogger logger, StartupProgress progress, CancellationToken cancellationToken)
    {
        var outcome = await Wait.RunAsync(
            limit,
            database.Connection.Settings,
            async attempt =>
            {
                await using var connection = await AuthenticationRetry.OpenAsync(database.EngineDataSource, database.Connection, logger, attempt);
            },
            failure =>
            {
                if (failure.Pause is { } pause)
                {
                    progress.Waiting(failure.Error.Message);
                    logger.DatabaseNotReachableYet(
                        failure.Attempt, failure.Elapsed.TotalSeconds, limit.TotalSeconds, failure.Error.Message, (long)pause.TotalMilliseconds);
                }
            },
            cancellationToken);
        if (!outcome.Connected)
        {
            throw new ConnectionFailedException(
                $"the database did not answer within {limit.TotalSeconds:0.#} s ({outcome.Attempts} attempt(s)); last error: {outcome.LastError!.Message}");
        }

        if (outcome.Attempts > 1)
        {
            logger.DatabaseReachable(outcome.Attempts, outcome.Elapsed.TotalSeconds);
        }
    }
}
