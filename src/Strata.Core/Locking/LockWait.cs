using Strata.Core.Configuration;

namespace Strata.Core.Locking;

/// <summary>How long to wait for the migration lock, how often to try it, and how often to report who holds it.</summary>
internal sealed record LockWait(TimeSpan Limit, TimeSpan PollInterval, TimeSpan ReportInterval)
{
    /// <summary>The wait the engine's options ask for.</summary>
    public static LockWait From(MigratorOptions options) =>
        new(options.AdvisoryLockWait, options.AdvisoryLockPollInterval, options.AdvisoryLockReportInterval);

    /// <summary>The wait to suggest after this one ran out: twice as long, or the default after a wait of zero.</summary>
    public TimeSpan Longer => Limit > TimeSpan.Zero ? Limit * 2 : SettingParsers.DefaultDuration(SettingCatalog.LockWait);
}
