using Strata.Core.Errors;

namespace Strata.Core.Local;

/// <summary>
/// The unprivileged OS user PostgreSQL runs as when Strata runs as root, and how to run a program as that user
/// (runuser, else setpriv, else su).
/// </summary>
internal sealed class ClusterUser
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);
    private readonly string _switchProgram;
    private readonly string _chown;
    private readonly string _test;
    private readonly ProgramRunner _runner;

    private ClusterUser(string name, string uid, string gid, LocalClusterOptions options, ProgramRunner runner)
    {
        Name = name;
        Uid = uid;
        Gid = gid;
        _switchProgram = FindSwitchProgram(options);
        _chown = SystemPrograms.Require("chown", options);
        _test = SystemPrograms.Require("test", options);
        _runner = runner;
    }

    public string Name { get; }

    public string Uid { get; }

    public string Gid { get; }

    /// <summary>
    /// Null unless this process runs as root; otherwise <paramref name="owner"/> (the user an existing server runs
    /// as) when given, else the user named by the options, the environment or the default.
    /// </summary>
    public static async Task<ClusterUser?> ResolveAsync(
        LocalClusterOptions options, ProgramRunner runner, CancellationToken cancellationToken, string? owner = null)
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            return null;
        }

        var id = SystemPrograms.Require("id", options);
        var name = owner ?? Configured(options) ?? await DefaultNameAsync(runner, id, cancellationToken);
        var uid = await QueryAsync(runner, id, ["-u", "--", name], name, cancellationToken);
        var gid = await QueryAsync(runner, id, ["-g", "--", name], name, cancellationToken);
        if (uid == "0")
        {
            throw new ConfigurationException(
                $"The local cluster cannot run as {name}: PostgreSQL refuses to run as root; set {LocalClusterOptions.RunAsUserVariable} to an unprivileged user.");
        }

        return new ClusterUser(name, uid, gid, options, runner);
    }

    /// <summary>The program and arguments that run <paramref name="program"/> as this user.</summary>
    public (string Program, IReadOnlyList<string> Arguments) Wrap(string program, IReadOnlyList<string> arguments) =>
        Path.GetFileName(_switchProgram) switch
        {
            "runuser" => (_switchProgram, ["-u", Name, "--", program, .. arguments]),
            "setpriv" => (_switchProgram, [$"--reuid={Uid}", $"--regid={Gid}", "--init-groups", "--", program, .. arguments]),
            _ => (_switchProgram, ["-s", "/bin/sh", Name, "-c", "exec " + string.Join(' ', [ShellQuote(program), .. arguments.Select(ShellQuote)])]),
        };

    /// <summary>Gives <paramref name="path"/> (and with <paramref name="recursive"/>, everything below it) to this user.</summary>
    public async Task OwnAsync(string path, bool recursive, CancellationToken cancellationToken)
    {
        List<string> arguments = recursive ? ["-R", $"{Uid}:{Gid}", "--", path] : [$"{Uid}:{Gid}", "--", path];
        var result = await _runner.RunAsync(_chown, arguments, null, QueryTimeout, cancellationToken);
        if (!result.Succeeded)
        {
            throw new LocalClusterException(
                $"Could not give {path} to the OS user {Name}, who runs the local cluster: {ServerLog.Summarize(string.Empty, result.Output)}");
        }
    }

    /// <summary>Fails with the first directory on the way that this user cannot enter, or if it cannot write to <paramref name="directory"/>.</summary>
    public async Task EnsureCanUseAsync(string directory, CancellationToken cancellationToken)
    {
        if (await PassesAsync(["-w", directory, "-a", "-x", directory], cancellationToken))
        {
            return;
        }

        // From the filesystem root down, so the first refusal is the directory that actually blocks the way.
        foreach (var ancestor in Ancestors(directory).Reverse())
        {
            if (!await PassesAsync(["-x", ancestor], cancellationToken))
            {
                throw new LocalClusterException(
                    $"The OS user {Name}, who runs the local cluster because Strata runs as root, cannot enter {ancestor}; allow it (chmod o+x {ancestor}) or keep the cluster in a directory that user can reach.");
            }
        }

        throw new LocalClusterException(
            $"The OS user {Name}, who runs the local cluster because Strata runs as root, cannot write to {directory}; check that directory's permissions.");
    }

    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var ancestor = Path.GetDirectoryName(directory); ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            yield return ancestor;
        }
    }

    private async Task<bool> PassesAsync(IReadOnlyList<string> testArguments, CancellationToken cancellationToken)
    {
        var (program, arguments) = Wrap(_test, testArguments);
        return (await _runner.RunAsync(program, arguments, null, QueryTimeout, cancellationToken)).Succeeded;
    }

    private static string? Configured(LocalClusterOptions options) =>
        options.RunAsUser
        ?? (options.Environment.TryGetValue(LocalClusterOptions.RunAsUserVariable, out var name) && !string.IsNullOrWhiteSpace(name)
            ? name
            : null);

    private static async Task<string> DefaultNameAsync(ProgramRunner runner, string id, CancellationToken cancellationToken) =>
        (await runner.RunAsync(id, ["-u", "postgres"], null, QueryTimeout, cancellationToken)).Succeeded ? "postgres" : "nobody";

    private static async Task<string> QueryAsync(
        ProgramRunner runner, string id, IReadOnlyList<string> arguments, string name, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(id, arguments, null, QueryTimeout, cancellationToken);
        return result.Succeeded
            ? result.Output.Trim()
            : throw new ConfigurationException(
                $"The OS user {name} does not exist, so it cannot run the local cluster; create it or set {LocalClusterOptions.RunAsUserVariable} to an existing unprivileged user.");
    }

    private static string FindSwitchProgram(LocalClusterOptions options) =>
        SystemPrograms.Find("runuser", options)
        ?? SystemPrograms.Find("setpriv", options)
        ?? SystemPrograms.Find("su", options)
        ?? throw new PrerequisiteMissingException(
            "Running the local cluster as root needs runuser, setpriv or su to switch to an unprivileged user; install util-linux, or run Strata as a non-root user.");

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
