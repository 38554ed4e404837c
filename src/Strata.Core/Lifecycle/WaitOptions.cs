using Strata.Core.Configuration;

namespace Strata.Core.Lifecycle;

/// <summary>How long <see cref="DatabaseLifecycle.WaitAsync"/> waits.</summary>
internal sealed record WaitOptions
{
    /// <summary>The default of <see cref="Timeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = SettingParsers.DefaultDuration(SettingCatalog.WaitTimeout);

    /// <summary>How long to keep trying before giving up; must be positive.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
