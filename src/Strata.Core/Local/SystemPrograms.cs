using Strata.Core.Errors;

namespace Strata.Core.Local;

/// <summary>Finds ordinary system tools (id, chown, runuser, test) on the caller's PATH or in the standard directories.</summary>
internal static class SystemPrograms
{
    private static readonly string[] StandardDirectories = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static string? Find(string name, LocalClusterOptions options)
    {
        var path = options.Environment.TryGetValue("PATH", out var value) ? value.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries) : [];
        return path.Concat(StandardDirectories)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    public static string Require(string name, LocalClusterOptions options) =>
        Find(name, options)
        ?? throw new PrerequisiteMissingException($"The system program {name} was not found on PATH or in /usr/bin or /bin; install coreutils.");
}
