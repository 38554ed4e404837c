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
    private static readonly ConnectionWait Wait = new()
    {
        FirstPause = TimeSpan.FromMilliseconds(100),
        LongestPause = TimeSpan.FromSeconds(1),
        ShortestAttempt = TimeSpan.FromMilliseconds(100),
        AttemptTimedOut = left => $"connecting did not finish within the {Seconds(left)} left",
    };

    public static async Task<WaitResult> RunAsync(LifecycleContext context, WaitOptions options, CancellationToken cancellationToken)
    {
        if (options.Timeout <= TimeSpan.Zero)
        {
            throw new ConfigurationException($"the wait timeout must be positive, not {options.Timeout}");
        }

        string? server = null;
        var outcome = await Wait.RunAsync(
            options.Timeout,
            context.Connection.Settings,
            async attempt => server = await ConnectAsync(context, options, attempt),
            failure =>
            {
                if (failure.Pause is not null)
                {
                    LogMessages.DatabaseNotReady(context.Logger, context.Database, failure.Attempt, failure.Error.Message);
                }
            },
            cancellationToken);
        if (!outcome.Connected)
        {
            var what = options.ServerOnly ? $"the server of database '{context.Database}'" : $"database '{context.Database}'";
            throw new ConnectionFailedException(
                $"{what} was not ready after {Seconds(options.Timeout)} ({outcome.Attempts} attempt(s)); last error: {outcome.LastError!.Message}");
        }

        LogMessages.DatabaseReady(context.Logger, context.Database, outcome.Attempts);
        return new WaitResult(context.Database, server!, outcome.Attempts, outcome.Elapsed);
    }

    /// <summary>The server, once a connection to the database (or only its server) opened.</summary>
    private static async Task<string> ConnectAsync(LifecycleContext context, WaitOptions options, CancellationToken cancellationToken)
    {
        await using var dataSource = options.ServerOnly
            ? await context.Connector.CreateMaintenanceDataSourceAsync(context.Connection, cancellationToken)
            : await context.Connector.CreateDataSourceAsync(
                context.Connection, new DataSourceOptions { Pooling = false, VerifyConnection = false }, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return LifecycleContext.ServerOf(connection);
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";
}
