using Strata.Core.Sessions;

namespace Strata.Cli.Hosting;

/// <summary>How a command reaches its database: a session opened from the run's settings.</summary>
internal sealed partial class CommandRun
{
    public Task<StrataSession> OpenSessionAsync(CancellationToken cancellationToken) =>
        StrataSession.OpenAsync(
            Settings, new StrataSessionOptions { LoggerFactory = LoggerFactory, LocalServer = LocalCluster() }, cancellationToken);
}
