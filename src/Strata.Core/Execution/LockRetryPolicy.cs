using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Core.Data;
using Strata.Core.Errors;
using Strata.Core.Logging;
using Strata.Core.Migrations;

namespace Strata.Core.Execution;

/// <summary>
/// How often, and after what pause, a migration that hit <c>lock_timeout</c> (SQLSTATE 55P03) is tried again.
/// The pause after failed attempt n is min(cap, base * 2^(n-1)), of which a random half is jitter, so runners that
/// collided do not retry in step.
/// </summary>
internal sealed class LockRetryPolicy(int attempts, TimeSpan baseDelay, TimeSpan maxDelay, Func<TimeSpan, CancellationToken, Task> delay)
{
    /// <summary>Total attempts per migration (or per statement of a <c>transaction:false</c> migration), the first included.</summary>
    public int Attempts { get; } = attempts;

    public static bool IsLockTimeout(PostgresException exception) => exception.SqlState == PostgresErrorCodes.LockNotAvailable;

    /// <summary>
    /// The longest a migration can spend on lock timeouts before giving up: every attempt waiting the whole
    /// <paramref name="lockTimeout"/>, every pause at the top of its jitter. This is what keeps the retries bounded.
    /// </summary>
    public TimeSpan LongestTotal(TimeSpan lockTimeout)
    {
        var total = lockTimeout * Attempts;
        for (var failed = 1; failed < Attempts; failed++)
        {
            total += TimeSpan.FromMilliseconds(Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failed - 1, 30)), maxDelay.TotalMilliseconds));
        }

        return total;
    }

    /// <summary>The pause before the attempt after <paramref name="failedAttempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int failedAttempt)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failedAttempt - 1, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        // Jitter only spreads retries; it does not need to be unpredictable.
#pragma warning disable CA5394
        var jittered = (capped / 2) + (Random.Shared.NextDouble() * capped / 2);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> (given its 1-based number) until it returns, trying again after a pause each time
    /// it throws a lock timeout, up to <see cref="Attempts"/> times. Any other error ends the run at once. An attempt may
    /// throw the lock timeout as it is, or as the <see cref="MigrationFailedException"/> that says which statement waited.
    /// </summary>
    /// <param name="migration">The migration being run, for messages.</param>
    /// <param name="lockTimeout">The <c>lock_timeout</c> it runs with, for messages.</param>
    /// <param name="state">What a lock timeout left behind, said when the attempts run out.</param>
    /// <param name="attempt">One attempt; it undoes what a failure left (such as an aborted transaction) before rethrowing.</param>
    /// <param name="logger">Where retries are reported.</param>
    /// <param name="cancellationToken">Stops the pauses between attempts.</param>
    public async Task<T> RunAsync<T>(
        Migration migration, TimeSpan lockTimeout, string state, Func<int, Task<T>> attempt, ILogger logger, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number);
            }
            catch (PostgresException ex) when (IsLockTimeout(ex))
            {
                await BackOffAsync(migration, number, lockTimeout, ex, null, logger, state, cancellationToken);
            }
            catch (MigrationFailedException ex) when (ex.InnerException is PostgresException timeout && IsLockTimeout(timeout))
            {
                // The attempt located the statement that waited; the error that ends the retries keeps that place.
                await BackOffAsync(migration, number, lockTimeout, timeout, ex.Failure, logger, state, cancellationToken);
            }
        }
    }

    /// <summary>
    /// After failed attempt <paramref name="failedAttempt"/>: logs it and waits before the next, or throws
    /// <see cref="LockNotAcquiredException"/> when it was the last.
    /// </summary>
    private async Task BackOffAsync(
        Migration migration, int failedAttempt, TimeSpan lockTimeout, PostgresException error, MigrationFailure? waited, ILogger logger, string state,
        CancellationToken cancellationToken)
    {
        var id = MigrationNames.Id(migration);
        var reason = ServerErrorText.OneLine(error.MessageText);
        if (failedAttempt >= Attempts)
        {
            logger.LockTimeoutGaveUp(id, failedAttempt, Attempts, reason);
            throw new LockNotAcquiredException(
                $"Migration {id} could not get its locks within lock_timeout {Durations.Format(lockTimeout)} in {Attempts} attempt(s) " +
                $"({error.SqlState} {reason}); {state}: {ServerErrorText.Hint(error.SqlState)}.",
                error)
            {
                Version = migration.Version.Value,
                Failure = waited,
            };
        }

        var pause = DelayAfter(failedAttempt);
        logger.LockTimeoutRetrying(id, failedAttempt, Attempts, reason, pause.TotalMilliseconds);
        await delay(pause, cancellationToken);
    }
}
