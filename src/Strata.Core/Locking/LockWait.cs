using Strata.Core.Configuration;

namespace Strata.Core.Locking;

/// <summary>How long to wait for the migration lock, how often to try it, and how often to report who holds it.</summary>
internal sealed record LockWait(TimeSpan Limit, TimeSpan PollInterval, TimeSpan ReportInterval)
{
    /// <summary>The wait the engine's options ask for.</summary>
    public static LockWait From(MigratorOptions options) =>
        new(options.AdvisoryLockWait, options.AdvisoryLockPollInterval, options.AdvisoryLockReportInterval);
}
