using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.AspNetCore.Logging;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Secrets;

namespace Strata.AspNetCore.Hosting;

/// <summary>
/// Waits, within a bound, until the app's database accepts a connection: at start, a database that is still booting
/// (or a network not yet up) is normal, and migrate-on-start should outlast it rather than crash the app. Each failure
/// is logged with what is left of the wait; a refused login ends the wait at once, since waiting does not fix it.
/// </summary>
internal static class DatabaseStartupWait
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ShortestAttempt = TimeSpan.FromMilliseconds(500);

    /// <exception cref="ConnectionFailedException">The database did not answer within <paramref name="limit"/>, or refused the login.</exception>
    public static async Task RunAsync(
        StrataDatabase database, TimeSpan limit, ILogger logger, StartupProgress progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            var failure = await TryOpenAsync(database, limit - clock.Elapsed, logger, cancellationToken);
            if (failure is null)
            {
                if (attempt > 1)
                {
                    logger.DatabaseReachable(attempt, clock.Elapsed.TotalSeconds);
                }

                return;
            }

            var left = limit - clock.Elapsed;
            if (failure.LoginRefused || left <= TimeSpan.Zero)
            {
                throw failure.LoginRefused
                    ? failure.Error
                    : new ConnectionFailedException(
                        $"the database did not answer within {limit.TotalSeconds:0.#} s ({attempt} attempt(s)); last error: {failure.Error.Message}");
            }

            var wait = pause < left ? pause : left;
            progress.Waiting(failure.Error.Message);
            logger.DatabaseNotReachableYet(attempt, clock.Elapsed.TotalSeconds, limit.TotalSeconds, failure.Error.Message, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    private static async Task<Failure?> TryOpenAsync(StrataDatabase database, TimeSpan left, ILogger logger, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(left > ShortestAttempt ? left : ShortestAttempt);
        try
        {
            await using var connection = await AuthenticationRetry.OpenAsync(database.DataSource, database.Connection, logger, attempt.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Failure(new ConnectionFailedException("the connection attempt timed out"), false);
        }
        catch (Exception ex) when (DatabaseConnector.TranslateFailure(ex, database.Connection.Settings) is { } failure)
        {
            return new Failure(failure, ex is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification });
        }
        catch (NpgsqlException ex)
        {
            // Anything else the server says while it comes up (57P03, "the database system is starting up").
            return new Failure(new ConnectionFailedException(SecretRedactor.Redact(ex.Message)), false);
        }
    }

    private sealed record Failure(ConnectionFailedException Error, bool LoginRefused);
}
