using Strata.Core.Sessions;

namespace Strata.Cli.Hosting;

/// <summary>How a command reaches its database: a session opened from the run's settings.</summary>
internal sealed partial class CommandRun
{
    public async Task<StrataSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        var session = await StrataSession.OpenAsync(
            Settings, new StrataSessionOptions { LoggerFactory = LoggerFactory, LocalServer = LocalCluster() }, cancellationToken);
        if (session.Connection.IsLocalDefault)
        {
            // Said every time, so a run that meant another database never migrates the local one unnoticed.
            var directory = Path.GetRelativePath(Context.WorkingDirectory, Core.Local.LocalCluster.DefaultDirectory(Context.WorkingDirectory));
            Reporter.Progress("connection.local_default", $"no database given: using the local PostgreSQL under ./{directory}");
        }

        return session;
    }
}
