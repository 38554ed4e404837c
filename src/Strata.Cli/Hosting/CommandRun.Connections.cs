using Strata.Core.Connections;
using Strata.Core.Diagnostics;
using Strata.Core.Sessions;

namespace Strata.Cli.Hosting;

/// <summary>How a command reaches its database: a session opened from the run's settings.</summary>
internal sealed partial class CommandRun
{
    public Task<StrataSession> OpenSessionAsync(CancellationToken cancellationToken) => OpenSessionAsync(null, cancellationToken);

    /// <summary>
    /// A session for the migration engine alone (up, down, status, stamp, ...): its queries return built-in types
    /// only, so its data source skips the type-catalog round trip a schema command needs.
    /// </summary>
    public Task<StrataSession> OpenEngineSessionAsync(CancellationToken cancellationToken) =>
        OpenSessionAsync(new DataSourceOptions { LoadTypes = false }, cancellationToken);

    private async Task<StrataSession> OpenSessionAsync(DataSourceOptions? dataSource, CancellationToken cancellationToken)
    {
        StrataSession session;
        using (TimingTrace.Measure("connection settings"))
        {
            session = await StrataSession.OpenAsync(
                Settings, new StrataSessionOptions { LoggerFactory = LoggerFactory, LocalServer = LocalCluster(), DataSource = dataSource }, cancellationToken);
        }

        if (session.Connection.IsLocalDefault)
        {
            // Said every time, so a run that meant another database never migrates the local one unnoticed.
            var directory = Path.GetRelativePath(Context.WorkingDirectory, Core.Local.LocalCluster.DefaultDirectory(Context.WorkingDirectory));
            var given = session.Connection.Source == ConnectionSourceKind.LocalDefault
                ? "no database given"
                : $"database '{session.Connection.Settings.Database}' of {session.Connection.SourceDescription}";
            Reporter.Progress("connection.local_default", $"{given}: using the local PostgreSQL under ./{directory}");
        }

        return session;
    }
}
