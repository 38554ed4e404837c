using Strata.Core.Errors;

namespace Strata.Core.Local;

/// <summary>The directory holding PostgreSQL's server programs, and how it was found.</summary>
internal sealed record PostgresBinaries(string Directory)
{
    internal static readonly IReadOnlyList<(string Parent, string Prefix)> DefaultSearchRoots =
    [
        ("/usr/lib/postgresql", string.Empty),      // Debian, Ubuntu: /usr/lib/postgresql/16/bin
        ("/usr", "pgsql-"),                          // PGDG packages on RHEL, Fedora: /usr/pgsql-16/bin
        ("/opt/homebrew/opt", "postgresql@"),        // Homebrew on Apple silicon
        ("/usr/local/opt", "postgresql@"),           // Homebrew on Intel macOS
    ];

    private static readonly string[] Programs = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Program("initdb");

    public string PgCtl => Program("pg_ctl");

    /// <summary>STRATA_PG_BIN if set, else the first PATH entry with all three programs, else the newest system install.</summary>
    public static PostgresBinaries Locate(LocalClusterOptions options)
    {
        if (options.Environment.TryGetValue(LocalClusterOptions.BinDirectoryVariable, out var pinned)
            && !string.IsNullOrWhiteSpace(pinned))
        {
            return HasAllPrograms(pinned)
                ? new PostgresBinaries(Path.GetFullPath(pinned))
                : throw new PrerequisiteMissingException(
                    $"{LocalClusterOptions.BinDirectoryVariable}={pinned} does not contain initdb, pg_ctl and postgres; point it at the bin directory of a PostgreSQL installation.");
        }

        var fromPath = PathEntries(options).FirstOrDefault(HasAllPrograms);
        if (fromPath is not null)
        {
            return new PostgresBinaries(Path.GetFullPath(fromPath));
        }

        var installed = options.SystemSearchRoots
            .SelectMany(root => InstalledVersions(root.Parent, root.Prefix))
            .Where(candidate => HasAllPrograms(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .FirstOrDefault();
        return installed.Bin is not null
            ? new PostgresBinaries(installed.Bin)
            : throw new PrerequisiteMissingException(
                "PostgreSQL's server programs (initdb, pg_ctl, postgres) were not found on PATH or in the usual install directories; install them (Debian/Ubuntu: apt-get install -y postgresql; macOS: brew install postgresql@16) or set STRATA_PG_BIN to their directory.");
    }

    private string Program(string name) =>
        Path.Combine(Directory, OperatingSystem.IsWindows() ? name + ".exe" : name);

    private static IEnumerable<string> PathEntries(LocalClusterOptions options) =>
        options.Environment.TryGetValue("PATH", out var path)
            ? path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    private static IEnumerable<(Version Version, string Bin)> InstalledVersions(string parent, string prefix)
    {
        if (!System.IO.Directory.Exists(parent))
        {
            return [];
        }

        return System.IO.Directory.EnumerateDirectories(parent, prefix + "*")
            .Select(dir => (Name: Path.GetFileName(dir)[prefix.Length..], Dir: dir))
            .Select(entry => (Parsed: ParseVersion(entry.Name), entry.Dir))
            .Where(entry => entry.Parsed is not null)
            .Select(entry => (entry.Parsed!, Path.Combine(entry.Dir, "bin")));
    }

    // "16", "9.6", "15.4" are versions; anything else under the parent is not an installation.
    private static Version? ParseVersion(string text) =>
        Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var version) ? version : null;

    private static bool HasAllPrograms(string directory) =>
        System.IO.Directory.Exists(directory) && Programs.All(name => IsExecutable(Path.Combine(directory, name)));

    private static bool IsExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(path + ".exe");
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return File.Exists(path) && (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
