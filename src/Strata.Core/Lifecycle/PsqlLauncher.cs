using System.Diagnostics;
using Strata.Core.Logging;

namespace Strata.Core.Lifecycle;

/// <summary><c>db connect</c>: psql on the target database, on the caller's terminal, with the password in its environment.</summary>
internal static class PsqlLauncher
{
    /// <summary>Connects once (so a wrong database or password is reported the Strata way), then prepares psql.</summary>
    public static async Task<ProcessStartInfo> StartInfoAsync(LifecycleContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        int serverMajor;
        await using (var dataSource = await context.OpenTargetAsync(cancellationToken))
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            serverMajor = connection.PostgreSqlVersion.Major;
        }

        var psql = await ClientPrograms.FindAsync("psql", serverMajor, acceptOlder: true, context.Environment, cancellationToken);
        var (settings, password) = await context.ClientSettingsAsync(cancellationToken);
        LogMessages.StartingPsql(context.Logger, psql.Path, psql.MajorVersion, context.Database);
        return ClientProcess.ForDatabase(psql.Path, settings, password, arguments, redirect: false);
    }

    /// <summary>Runs psql until it exits and returns its exit code.</summary>
    public static async Task<int> RunAsync(ProcessStartInfo info)
    {
        using var process = ClientProcess.Start(info);
        // Ctrl-C on the terminal reaches psql too, which cancels its query and keeps going: psql decides when to stop.
        await process.WaitForExitAsync(CancellationToken.None);
        return process.ExitCode;
    }
}
