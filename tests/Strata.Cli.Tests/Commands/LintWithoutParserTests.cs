using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.Commands;

/// <summary>
/// strata without libpg_query: lint says so in one line and exits 7; every other command still works. The library
/// is hidden from a real strata process (the AOT binary copied alone into a folder of its own under STRATA_BIN, else
/// strata.dll) by running it in a private mount namespace where every installed libpg_query reads as empty.
/// </summary>
public sealed class LintWithoutParserTests
{
    private const string HideLibrary =
        "for f in /usr/lib/*/libpg_query.so* /usr/lib/libpg_query.so* /usr/local/lib/libpg_query.so*; do " +
        "[ -e \"$f\" ] && mount --bind /dev/null \"$f\"; done; exec \"$@\"";

    [Fact]
    public async Task Lint_exits_7_with_one_clear_line_when_libpg_query_cannot_be_loaded()
    {
        using var work = new TempDirectory();
        var sql = Path.Combine(work.Path, "add_index.sql");
        await File.WriteAllTextAsync(sql, "CREATE INDEX users_email ON users (email);\n");

        var lint = await RunWithoutLibraryAsync(work.Path, "lint", sql);

        lint.ExitCode.ShouldBe(7, lint.ToString());
        var lines = lint.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, lint.ToString());
        lines[0].ShouldContain("libpg_query");
        lines[0].ShouldContain("apt-get install libpg-query1504.0");
        lint.AllOutput.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task Commands_other_than_lint_do_not_need_libpg_query()
    {
        using var work = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(work.Path, "db", "migrations"));

        var version = await RunWithoutLibraryAsync(work.Path, "--version");
        version.ExitCode.ShouldBe(0, version.ToString());
        var created = await RunWithoutLibraryAsync(work.Path, "new", "create_users");
        created.ExitCode.ShouldBe(0, created.ToString());
        Directory.GetFiles(Path.Combine(work.Path, "db", "migrations"), "*_create_users.sql").ShouldHaveSingleItem();
    }

    private static async Task<CliResult> RunWithoutLibraryAsync(string workingDirectory, params string[] args)
    {
        var strata = StrataBinary.Path is { } binary ? [AloneCopy(binary, workingDirectory)] : new[] { "dotnet", StrataProcess.AssemblyPath };
        var environment = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin" };
        if (Environment.GetEnvironmentVariable("HOME") is { } home)
        {
            environment["HOME"] = home;
        }

        var info = StrataProcess.StartInfo(workingDirectory, environment);
        info.FileName = "unshare";
        info.ArgumentList.Clear();
        foreach (var arg in (string[])["--mount", "--map-root-user", "sh", "-c", HideLibrary, "sh", .. strata, .. args])
        {
            info.ArgumentList.Add(arg);
        }

        return await StrataProcess.RunAsync(info, TimeSpan.FromMinutes(2));
    }

    // The release layout has the library beside the binary; this copy has nothing beside it.
    private static string AloneCopy(string binary, string workingDirectory)
    {
        var directory = Directory.CreateDirectory(Path.Combine(workingDirectory, "bin-alone")).FullName;
        var copy = Path.Combine(directory, "strata");
        File.Copy(binary, copy, overwrite: true); // keeps the execute bit on Unix
        return copy;
    }
}
