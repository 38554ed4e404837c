using Strata.Core.Errors;

namespace Strata.Core.Configuration;

/// <summary>
/// Every setting of the migration engine; the defaults of those a user sets come from <see cref="SettingCatalog"/>. <see cref="Migrator"/> validates it once, when it is
/// constructed. See docs/locking-and-timeouts.md for how the timeouts and retries work together.
/// </summary>
public sealed record MigratorOptions
{
    /// <summary>The history table; default <c>public.strata_schema_migrations</c>.</summary>
    public HistoryTableName HistoryTable { get; init; } = HistoryTableName.Default;

    /// <summary>
    /// <c>lock_timeout</c> for every migration unless its file sets one; default 300 ms. A statement that waits longer
    /// for a table lock fails with SQLSTATE 55P03 instead of queueing every later query behind it, so the application
    /// never stalls longer than this on the migration's account; the retries make up for the short wait. Zero turns it off.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = SettingParsers.DefaultDuration(SettingCatalog.LockTimeout);

    /// <summary>
    /// <c>statement_timeout</c> for every migration unless its file sets one; default zero (off), because a legitimate
    /// backfill or index build may run for a long time and must not be killed mid-deploy.
    /// </summary>
    public TimeSpan StatementTimeout { get; init; } = SettingParsers.DefaultDuration(SettingCatalog.StatementTimeout);

    /// <summary>How many times a migration that hits <c>lock_timeout</c> is attempted in total, the first included; default 20.</summary>
    public int LockRetryAttempts { get; init; } = SettingParsers.DefaultCount(SettingCatalog.LockRetries);

    /// <summary>The pause after the first lock timeout; it doubles after each further one; default 250 ms.</summary>
    public TimeSpan LockRetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The longest pause between attempts; default 5 s. With the other defaults a migration gives up after at most
    /// 84 seconds of trying (the worst case is worked out in docs/locking-and-timeouts.md).
    /// </summary>
    public TimeSpan LockRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How the pause between lock-timeout attempts is waited; default <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task> LockRetryDelay { get; init; } = Task.Delay;

    /// <summary>How long to wait for the migration lock held by another run; default 10 minutes. Zero tries once.</summary>
    public TimeSpan AdvisoryLockWait { get; init; } = SettingParsers.DefaultDuration(SettingCatalog.LockWait);

    /// <summary>How often the migration lock is tried while another run holds it; default 500 ms (with ±25% jitter).</summary>
    public TimeSpan AdvisoryLockPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the session holding the migration lock is logged while waiting; default 5 s.</summary>
    public TimeSpan AdvisoryLockReportInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Apply pending migrations older than the newest applied one instead of refusing; default false.</summary>
    public bool AllowOutOfOrder { get; init; }

    /// <summary>Accept applied migrations whose file changed (recording the new checksum) instead of refusing; default false.</summary>
    public bool AllowEdited { get; init; }

    /// <summary>
    /// Schemas of other applications sharing the database; default none. Their tables, another tool's history table
    /// among them, are left out when a first run checks whether the database already has a schema or another tool's
    /// history. The history table's own schema cannot be one of them.
    /// </summary>
    public IReadOnlyList<string> AdoptionIgnoreSchemas { get; init; } = [];

    /// <summary>Throws <see cref="ConfigurationException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(HistoryTable, nameof(HistoryTable));
        ArgumentNullException.ThrowIfNull(LockRetryDelay, nameof(LockRetryDelay));
        HistoryTable.Validate();
        ArgumentNullException.ThrowIfNull(AdoptionIgnoreSchemas, nameof(AdoptionIgnoreSchemas));
        if (AdoptionIgnoreSchemas.Contains(HistoryTable.Schema, StringComparer.Ordinal))
        {
            throw new ConfigurationException(
                $"The schemas ignored by adoption cannot include '{HistoryTable.Schema}', the schema of the history table {HistoryTable}: it holds this application's own tables.");
        }
        NotNegative(LockTimeout, "lock timeout");
        NotNegative(StatementTimeout, "statement timeout");
        NotNegative(LockRetryBaseDelay, "lock retry base delay");
        NotNegative(AdvisoryLockWait, "advisory lock wait");
        if (LockRetryAttempts < 1)
        {
            throw new ConfigurationException($"The number of lock retry attempts must be at least 1, not {LockRetryAttempts}.");
        }

        if (LockRetryMaxDelay < LockRetryBaseDelay)
        {
            throw new ConfigurationException("The lock retry max delay must not be shorter than its base delay.");
        }

        if (AdvisoryLockPollInterval <= TimeSpan.Zero || AdvisoryLockReportInterval <= TimeSpan.Zero)
        {
            throw new ConfigurationException("The advisory lock poll and report intervals must be positive.");
        }
    }

    private static void NotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ConfigurationException($"The {name} must be between zero and {int.MaxValue} ms, not {value}.");
        }
    }
}
