using Strata.Core.Configuration;

namespace Strata.Core.Lifecycle;

/// <summary>How long <see cref="DatabaseLifecycle.WaitAsync"/> waits.</summary>
internal sealed record WaitOptions
{
    /// <summary>The default of <see cref="Timeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = SettingParsers.DefaultDuration(SettingCatalog.WaitTimeout);

    /// <summary>How long to keep trying before giving up; must be positive.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>
    /// Wait only until the server accepts connections (through its maintenance database), not for the target database
    /// to exist: what <c>up --wait</c> needs, since <c>up</c> creates a missing database itself.
    /// </summary>
    public bool ServerOnly { get; init; }
}
