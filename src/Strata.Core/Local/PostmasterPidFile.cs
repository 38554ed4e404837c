using System.Diagnostics;
using System.Globalization;
using Strata.Core.Errors;

namespace Strata.Core.Local;

/// <summary>
/// The server's <c>postmaster.pid</c>: pid, data directory, start time, port, socket directory, listen address,
/// shared memory key, and status (<c>starting</c>, <c>ready</c>, <c>stopping</c>, <c>standby</c>), one per line.
/// </summary>
internal sealed record PostmasterPidFile(int Pid, int? Port, string? Status)
{
    /// <summary>The server process is alive; a pid file left behind by a killed server is not.</summary>
    public bool IsAlive() => IsPostgresProcess(Pid);

    /// <summary>Alive and accepting connections.</summary>
    public bool IsReady() => IsAlive() && Status is "ready" or "standby";

    /// <summary>The pid file's content, or null when there is none (or it is still being written).</summary>
    public static async Task<PostmasterPidFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LocalClusterException(
                $"Cannot read {path}: the local cluster belongs to another OS user; run Strata as that user (or as root).", e);
        }

        if (lines.Length == 0 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        int? port = lines.Length > 3 && int.TryParse(lines[3], CultureInfo.InvariantCulture, out var p) ? p : null;
        var status = lines.Length > 7 ? lines[7].Trim() : null;
        return new PostmasterPidFile(pid, port, status);
    }

    // A process with the recorded pid could be an unrelated one that reused it after the server was killed.
    private static bool IsPostgresProcess(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited
                && process.ProcessName.StartsWith("postgres", StringComparison.Ordinal)
                && !IsZombie(pid);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // A killed server that nobody has reaped yet still has a process entry; on Linux its state in /proc says so.
    private static bool IsZombie(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return true;
        }
    }
}
