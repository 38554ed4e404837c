using Strata.Core.Errors;
using Strata.Core.Local;
using Strata.Testing;

namespace Strata.Core.Tests.Local;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PostgresBinariesTests : IDisposable
{
    private readonly TestDirectory _directory = TestDirectory.Create();

    [Fact]
    public async Task Missing_binaries_are_reported_in_one_line_that_says_how_to_install_them()
    {
        var empty = Folder("empty");
        var options = new LocalClusterOptions
        {
            Directory = _directory.Combine("postgres"),
            Environment = new Dictionary<string, string> { ["PATH"] = empty },
            SystemSearchRoots = [],
        };

        var error = await Should.ThrowAsync<PrerequisiteMissingException>(
            () => new LocalCluster(options).EnsureStartedAsync(CancellationToken.None));

        error.Message.ShouldNotContain('\n');
        error.Message.ShouldContain("apt-get install -y postgresql");
        error.Message.ShouldContain("brew install postgresql@16");
        error.Message.ShouldContain("STRATA_PG_BIN");
        Directory.Exists(options.Directory).ShouldBeFalse();
    }

    [Fact]
    public void A_STRATA_PG_BIN_without_the_programs_is_reported_by_name()
    {
        var empty = Folder("empty");
        var options = Options(new() { ["STRATA_PG_BIN"] = empty, ["PATH"] = Install("onpath") }, []);

        var error = Should.Throw<PrerequisiteMissingException>(() => PostgresBinaries.Locate(options));

        error.Message.ShouldBe($"STRATA_PG_BIN={empty} does not contain initdb, pg_ctl and postgres; point it at the bin directory of a PostgreSQL installation.");
    }

    [Fact]
    public void STRATA_PG_BIN_wins_over_PATH_which_wins_over_installed_versions()
    {
        var pinned = Install("pinned");
        var onPath = Install("onpath");
        var roots = new[] { (Folder("lib"), string.Empty) };
        Install(Path.Combine("lib", "17", "bin"));
        var pathValue = string.Join(':', Folder("nothing-here"), onPath);

        PostgresBinaries.Locate(Options(new() { ["STRATA_PG_BIN"] = pinned, ["PATH"] = pathValue }, roots)).Directory.ShouldBe(pinned);
        PostgresBinaries.Locate(Options(new() { ["PATH"] = pathValue }, roots)).Directory.ShouldBe(onPath);
    }

    [Fact]
    public void Picks_the_newest_installed_version_when_PATH_has_none()
    {
        var roots = new[] { (Folder("lib"), string.Empty), (Folder("usr"), "pgsql-") };
        Install(Path.Combine("lib", "9.6", "bin"));
        Install(Path.Combine("lib", "15", "bin"));
        var newest = Install(Path.Combine("usr", "pgsql-16", "bin"));
        Folder(Path.Combine("lib", "not-a-version", "bin"));
        Folder(Path.Combine("lib", "18", "bin"));

        PostgresBinaries.Locate(Options([], roots)).Directory.ShouldBe(newest);
    }

    [Fact]
    public void A_directory_whose_programs_are_not_executable_does_not_count()
    {
        var notExecutable = Install("plain");
        foreach (var file in Directory.GetFiles(notExecutable))
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Should.Throw<PrerequisiteMissingException>(() => PostgresBinaries.Locate(Options(new() { ["PATH"] = notExecutable }, [])));
    }

    public void Dispose() => _directory.Dispose();

    private LocalClusterOptions Options(Dictionary<string, string> environment, IReadOnlyList<(string, string)> roots) =>
        new() { Directory = _directory.Combine("postgres"), Environment = environment, SystemSearchRoots = roots };

    private string Folder(string relative) => Directory.CreateDirectory(_directory.Combine(relative)).FullName;

    private string Install(string relative)
    {
        var bin = Folder(relative);
        foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
        {
            var path = Path.Combine(bin, program);
            File.WriteAllText(path, "#!/bin/sh\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return bin;
    }
}
