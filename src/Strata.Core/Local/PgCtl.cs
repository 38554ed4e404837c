using System.Globalization;

namespace Strata.Core.Local;

/// <summary>
/// initdb and pg_ctl for one cluster, run as the cluster's user in the cluster directory. The data directory and log
/// are named relative to it: pg_ctl starts the server through the shell with the paths in double quotes, where a
/// <c>"</c>, <c>$</c> or backquote in the project's path would break the command.
/// </summary>
internal sealed class PgCtl(
    PostgresBinaries binaries, ClusterUser? user, ProgramRunner runner, ClusterLayout layout, LocalClusterOptions options)
{
    // pg_ctl enforces its own -t; this margin only catches a pg_ctl that hangs.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(5);

    public string BinDirectory => binaries.Directory;

    public Task<ProgramResult> InitDbAsync(CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "-D", Path.GetFileName(layout.DataBeingCreated),
            "-U", options.Username,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
        ];
        if (options.NoSync)
        {
            arguments.Add("--no-sync");
        }

        return RunAsync(binaries.InitDb, arguments, InitDbTimeout, cancellationToken);
    }

    public Task<ProgramResult> StartAsync(CancellationToken cancellationToken) =>
        RunAsync(
            binaries.PgCtl,
            ["start", "-D", Path.GetFileName(layout.Data), "-l", Path.GetFileName(layout.LogFile), "-w", "-t", WaitSeconds()],
            options.StartTimeout + Margin,
            cancellationToken);

    public Task<ProgramResult> StopAsync(CancellationToken cancellationToken) =>
        RunAsync(
            binaries.PgCtl,
            ["stop", "-D", Path.GetFileName(layout.Data), "-m", "fast", "-w", "-t", WaitSeconds()],
            options.StartTimeout + Margin,
            cancellationToken);

    private string WaitSeconds() =>
        Math.Max(1, (int)Math.Ceiling(options.StartTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private Task<ProgramResult> RunAsync(
        string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (command, commandArguments) = user is null ? (program, arguments) : user.Wrap(program, arguments);
        return runner.RunAsync(command, commandArguments, layout.Root, timeout, cancellationToken);
    }
}
