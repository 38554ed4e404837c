using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Strata.Testing;

/// <summary>
/// Shuts down PostgreSQL servers whose data directories lie below a directory, the way
/// <c>pg_ctl stop -m immediate</c> does (SIGQUIT to the postmaster), without needing pg_ctl or a privilege switch:
/// used where waiting on async code is impossible (process exit) and for leftovers of killed test runs.
/// </summary>
internal static class Postmasters
{
    private const int SigQuit = 3;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(15);

    public static void StopAllBelow(string directory)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(directory))
        {
            return;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4, IgnoreInaccessible = true };
        foreach (var pidFile in Directory.EnumerateFiles(directory, "postmaster.pid", options))
        {
            if (ReadPid(pidFile) is { } pid && IsPostgres(pid))
            {
                _ = Kill(pid, SigQuit);
                WaitForExit(pid);
            }
        }
    }

    private static int? ReadPid(string pidFile)
    {
        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(first, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.ProcessName.StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    // Polling is fine here: this runs while the process exits, where nothing can be awaited.
    private static void WaitForExit(int pid)
    {
        var waited = Stopwatch.StartNew();
        while (IsPostgres(pid) && !IsZombie(pid) && waited.Elapsed < ExitWait)
        {
            Thread.Sleep(20);
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            // On Linux a process without a /proc entry is gone; elsewhere there is no /proc to ask.
            return OperatingSystem.IsLinux();
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
