using System.Diagnostics;
using Npgsql;
using Strata.Core.Errors;

namespace Strata.Core.Connections;

/// <summary>
/// Tries to connect until an attempt works, the server refuses the login, or the time is up, pausing twice as long
/// after each failure up to a longest pause. A refused login ends the wait at once: waiting does not fix a wrong
/// password. <c>db wait</c> and the web host's migrate-on-start wait this way; each keeps its own pacing and words.
/// </summary>
internal sealed class ConnectionWait
{
    /// <summary>The pause after the first failed attempt.</summary>
    public required TimeSpan FirstPause { get; init; }

    /// <summary>The pause doubles after each failure up to this.</summary>
    public required TimeSpan LongestPause { get; init; }

    /// <summary>An attempt gets what is left of the wait, but never less than this.</summary>
    public required TimeSpan ShortestAttempt { get; init; }

    /// <summary>The error of an attempt cut short by its deadline, given the time it had.</summary>
    public required Func<TimeSpan, string> AttemptTimedOut { get; init; }

    /// <summary>
    /// Runs <paramref name="connectAsync"/> until it returns, reporting each failed attempt to <paramref name="failed"/>
    /// (with the pause before the next one, or none when the wait is over). Failures are translated as
    /// <see cref="DatabaseConnector.TranslateFailure"/> does, naming the server of <paramref name="settings"/>.
    /// </summary>
    /// <exception cref="ConnectionFailedException">The server refused the login.</exception>
    public async Task<Outcome> RunAsync(
        TimeSpan limit, ConnectionSettings settings, Func<CancellationToken, Task> connectAsync, Action<Failure> failed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(connectAsync);
        ArgumentNullException.ThrowIfNull(failed);
        var clock = Stopwatch.StartNew();
        var pause = FirstPause;
        ConnectionFailedException? telling = null;
        var tellingTimedOut = false;
        for (var attempt = 1; ; attempt++)
        {
            var (error, timedOut, deadlineReached) = await TryAsync(settings, connectAsync, limit - clock.Elapsed, cancellationToken);
            if (error is null)
            {
                return new Outcome(true, attempt, clock.Elapsed, null);
            }

            // An attempt cut short by the deadline says less than a real error before it, but not less than an
            // earlier attempt that was cut short too: of those, the last one is reported.
            if (!timedOut || telling is null || tellingTimedOut)
            {
                (telling, tellingTimedOut) = (error, timedOut);
            }

            // Each attempt is given all that is left, so its deadline firing ends the wait, even when the timer (which
            // counts whole milliseconds) fired a moment before the clock reached the limit.
            var left = limit - clock.Elapsed;
            if (deadlineReached || left <= TimeSpan.Zero)
            {
                failed(new Failure(attempt, clock.Elapsed, error, timedOut, null));
                return new Outcome(false, attempt, clock.Elapsed, telling);
            }

            var wait = pause < left ? pause : left;
            failed(new Failure(attempt, clock.Elapsed, error, timedOut, wait));
            await Task.Delay(wait, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    // DeadlineReached: the attempt's own deadline ended it (rather than an OperationCanceledException of the open's own).
    private async Task<(ConnectionFailedException? Error, bool TimedOut, bool DeadlineReached)> TryAsync(
        ConnectionSettings settings, Func<CancellationToken, Task> connectAsync, TimeSpan left, CancellationToken cancellationToken)
    {
        var given = left > ShortestAttempt ? left : ShortestAttempt;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(given);
        Task? connecting = null;
        try
        {
            connecting = connectAsync(attempt.Token);
            // Npgsql does not always stop an open when told to (a server that accepts but never answers is waited for
            // until the connect timeout): the attempt ends at its deadline whatever the open does, which finishes
            // on its own, within its connect timeout, and closes what it opened.
            await connecting.WaitAsync(attempt.Token);
            return (null, false, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            AbandonedTask.Observe(connecting);
            return (new ConnectionFailedException(AttemptTimedOut(given)), true, attempt.IsCancellationRequested);
        }
        catch (OperationCanceledException)
        {
            AbandonedTask.Observe(connecting);
            throw;
        }
        catch (Exception ex) when (ConnectionFailures.Translate(ex, settings) is { } failure)
        {
            if (!IsRefusedLogin(ex))
            {
                return (failure, false, false);
            }

            if (ReferenceEquals(ex, failure))
            {
                throw;
            }

            throw failure;
        }
    }

    // 28P01 wrong password, 28000 no pg_hba.conf entry or role refused: no amount of waiting changes these.
    private static bool IsRefusedLogin(Exception error) => error switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification,
        ConnectionFailedException { InnerException: PostgresException inner } => IsRefusedLogin(inner),
        _ => false,
    };

    /// <summary>
    /// How a wait ended: connected or not, after how many attempts and how long, and, when it did not connect, the
    /// error that says most of why: the last one, unless the deadline cut the last attempt short after a real error.
    /// </summary>
    public sealed record Outcome(bool Connected, int Attempts, TimeSpan Elapsed, ConnectionFailedException? LastError);

    /// <summary>
    /// One failed attempt: when, why, whether its deadline cut it short, and the pause before the next attempt
    /// (null when the wait is over).
    /// </summary>
    public sealed record Failure(int Attempt, TimeSpan Elapsed, ConnectionFailedException Error, bool TimedOut, TimeSpan? Pause);
}
