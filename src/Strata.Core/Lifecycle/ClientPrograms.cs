using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Core.Errors;
using Strata.Core.Local;

namespace Strata.Core.Lifecycle;

/// <summary>
/// Finds pg_dump and psql: in <c>STRATA_PG_BIN</c> when set, else on PATH and in the usual install directories
/// (<c>/usr/lib/postgresql/*/bin</c>, ...). Of those found, the one whose major version equals the server's wins,
/// else the oldest newer one: pg_dump refuses servers newer than itself. psql also works, with warnings, against a
/// newer server, so it may fall back to the newest older copy.
/// </summary>
internal static partial class ClientPrograms
{
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(10);

    /// <exception cref="PrerequisiteMissingException">No copy of the program, or (unless <paramref name="acceptOlder"/>) none as new as the server.</exception>
    public static async Task<ClientProgram> FindAsync(
        string name, int serverMajor, bool acceptOlder, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var found = new List<ClientProgram>();
        foreach (var path in Candidates(name, environment).Distinct(StringComparer.Ordinal))
        {
            if (await VersionAsync(path, cancellationToken) is { } major)
            {
                found.Add(new ClientProgram(path, major));
            }
        }

        var compatible = found.Where(p => p.MajorVersion >= serverMajor).OrderBy(p => p.MajorVersion).FirstOrDefault();
        var newestOlder = found.OrderByDescending(p => p.MajorVersion).FirstOrDefault();
        if (compatible is not null || (acceptOlder && newestOlder is not null))
        {
            return compatible ?? newestOlder!;
        }

        if (found.Count == 0 && Pinned(environment) is { } pinned)
        {
            throw new PrerequisiteMissingException(
                $"{name} was not found in {pinned}, the directory {LocalClusterOptions.BinDirectoryVariable} names (only there is looked when it is set); point {LocalClusterOptions.BinDirectoryVariable} at the directory of the PostgreSQL {serverMajor} client programs, or unset it to search PATH and the usual install directories");
        }

        if (found.Count == 0)
        {
            throw new PrerequisiteMissingException(
                $"{name} was not found on PATH or in the usual PostgreSQL install directories; install the PostgreSQL {serverMajor} client programs (Debian/Ubuntu: apt-get install postgresql-client-{serverMajor}; macOS: brew install postgresql@{serverMajor}) or set {LocalClusterOptions.BinDirectoryVariable} to their directory");
        }

        var seen = string.Join(", ", found.Select(p => $"{p.MajorVersion} ({p.Path})"));
        throw new PrerequisiteMissingException(
            $"{name} {serverMajor} or newer is needed for this PostgreSQL {serverMajor} server, but only {name} {seen} was found; install the PostgreSQL {serverMajor} client programs or set {LocalClusterOptions.BinDirectoryVariable} to their directory");
    }

    /// <summary>The major version of a <c>--version</c> line such as <c>pg_dump (PostgreSQL) 16.4 (Debian 16.4-1)</c>.</summary>
    public static int? ParseMajor(string versionOutput)
    {
        var match = VersionLine().Match(versionOutput);
        return match.Success ? int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture) : null;
    }

    private static IEnumerable<string> Candidates(string name, IReadOnlyDictionary<string, string> environment)
    {
        if (Pinned(environment) is { } pinned)
        {
            return Existing([pinned], name);
        }

        var path = environment.TryGetValue("PATH", out var value)
            ? value.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var installed = PostgresBinaries.DefaultSearchRoots
            .Where(root => Directory.Exists(root.Parent))
            .SelectMany(root => Directory.EnumerateDirectories(root.Parent, root.Prefix + "*").Order(StringComparer.Ordinal))
            .Select(directory => System.IO.Path.Combine(directory, "bin"));
        return Existing(path.Concat(installed), name);
    }

    private static string? Pinned(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue(LocalClusterOptions.BinDirectoryVariable, out var pinned) && !string.IsNullOrWhiteSpace(pinned) ? pinned : null;

    private static IEnumerable<string> Existing(IEnumerable<string> directories, string name) =>
        directories
            .Select(d => System.IO.Path.GetFullPath(System.IO.Path.Combine(d, OperatingSystem.IsWindows() ? name + ".exe" : name)))
            .Where(File.Exists);

    private static async Task<int?> VersionAsync(string program, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ClientProcess.RunAsync(ClientProcess.Plain(program, ["--version"]), VersionTimeout, cancellationToken);
            return result.ExitCode == 0 ? ParseMajor(result.Stdout) : null;
        }
        catch (PrerequisiteMissingException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\(PostgreSQL\)\s+(?<major>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();
}
