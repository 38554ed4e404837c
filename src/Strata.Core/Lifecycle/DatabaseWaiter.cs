using System.Diagnostics;
using Npgsql;
using Strata.Core.Connections;
using Strata.Core.Errors;
using Strata.Core.Logging;

namespace Strata.Core.Lifecycle;

/// <summary>
/// <c>db wait</c>: tries to connect to the target database until it works or the time is up, pausing a little longer
/// after each failure. A refused login is reported at once: waiting does not fix a wrong password.
/// </summary>
internal static class DatabaseWaiter
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinimumAttempt = TimeSpan.FromMilliseconds(100);

    public static async Task<WaitResult> RunAsync(LifecycleContext context, WaitOptions options, CancellationToken cancellationToken)
    {
        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ConfigurationException($"the wait timeout must be positive, not {options.Timeout}");
        }

        var clock = Stopwatch.StartNew();
        var pause = FirstPause;
        ConnectionFailedException? last = null;
        for (var attempt = 1; ; attempt++)
        {
            var (server, failure, timedOut) = await TryConnectAsync(context, options, options.Timeout - clock.Elapsed, cancellationToken);
            if (failure is null)
            {
                LogMessages.DatabaseReady(context.Logger, context.Database, attempt);
                return new WaitResult(context.Database, server!, attempt, clock.Elapsed);
            }

            // An attempt cut short by the deadline says less than the error before it.
            last = timedOut && last is not null ? last : failure;
            var left = options.Timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                var what = options.ServerOnly ? $"the server of database '{context.Database}'" : $"database '{context.Database}'";
                throw new ConnectionFailedException(
                    $"{what} was not ready after {Seconds(options.Timeout)} ({attempt} attempt(s)); last error: {last.Message}");
            }

            LogMessages.DatabaseNotReady(context.Logger, context.Database, attempt, failure.Message);
            await Task.Delay(pause < left ? pause : left, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>The server when a connection to the database opened within <paramref name="left"/>; else why not (and no server).</summary>
    private static async Task<(string? Server, ConnectionFailedException? Failure, bool TimedOut)> TryConnectAsync(
        LifecycleContext context, WaitOptions options, TimeSpan left, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(left > MinimumAttempt ? left : MinimumAttempt);
        try
        {
            await using var dataSource = options.ServerOnly
                ? await context.Connector.CreateMaintenanceDataSourceAsync(context.Connection, attempt.Token)
                : await context.Connector.CreateDataSourceAsync(
                    context.Connection, new DataSourceOptions { Pooling = false, VerifyConnection = false }, attempt.Token);
            await using var connection = await dataSource.OpenConnectionAsync(attempt.Token);
            return (LifecycleContext.ServerOf(connection), null, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new ConnectionFailedException($"connecting did not finish within the {Seconds(left)} left"), true);
        }
        catch (PostgresException ex) when (IsRefusedLogin(ex))
        {
            throw DatabaseConnector.TranslateFailure(ex, context.Connection.Settings)!;
        }
        catch (ConnectionFailedException ex) when (ex.InnerException is PostgresException inner && IsRefusedLogin(inner))
        {
            throw;
        }
        catch (Exception ex) when (DatabaseConnector.TranslateFailure(ex, context.Connection.Settings) is { } failure)
        {
            return (null, failure, false);
        }
    }

    // 28P01 wrong password, 28000 no pg_hba.conf entry or role refused: no amount of waiting changes these.
    private static bool IsRefusedLogin(PostgresException error) =>
        error.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification;

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";
}
