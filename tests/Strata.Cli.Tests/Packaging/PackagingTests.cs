using System.IO.Compression;
using Strata.Cli.Tests.Support;

namespace Strata.Cli.Tests.Packaging;

/// <summary>
/// What a user installs: the strata .NET tool (Native AOT on linux-x64, with its parser) and the libraries, each
/// from a local feed made by scripts/pack.sh, used for real.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(PackedFeed.Collection)]
public sealed class PackagingTests(PackedFeed feed)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Installed_tool_is_the_native_binary_and_lints_with_the_parser_it_carries()
    {
        using var work = new TempDirectory();
        var tools = Path.Combine(work.Path, "tools");
        await Shell.RunOkAsync("dotnet", work.Path, Timeout,
            "tool", "install", "Strata.Cli", "--tool-path", tools, "--add-source", feed.Path, "--prerelease", "--disable-parallel");

        var strata = Path.Combine(tools, "strata");
        File.Exists(strata).ShouldBeTrue("the tool's command is named strata");
        var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "*", SearchOption.AllDirectories);
        installed.ShouldContain(f => f.EndsWith("/libpg_query.so.1504.0", StringComparison.Ordinal));
        installed.ShouldNotContain(f => f.EndsWith("/strata.dll", StringComparison.Ordinal), "linux-x64 installs the Native AOT package");
        installed.ShouldNotContain(f => f.EndsWith(".dbg", StringComparison.Ordinal) || f.EndsWith(".pdb", StringComparison.Ordinal), "native and managed symbols stay out of the tool");
        var binary = ElfFile.Read(installed.Single(f => f.EndsWith("/strata", StringComparison.Ordinal)));
        binary.Type.ShouldBe(ElfFile.FixedAddressExecutable, "no relocation of the runtime's data at every start");
        binary.Sections.ShouldNotContain(".hydrated", "the runtime's data is mapped from the file, not expanded at every start");

        var version = await Shell.RunOkAsync(strata, work.Path, TimeSpan.FromMinutes(1), "--version");
        version.Stdout.Trim().ShouldStartWith("0.1.0");
        var sql = Path.Combine(work.Path, "add_column.sql");
        await File.WriteAllTextAsync(sql, "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();\n");
        var lint = await Shell.RunAsync(strata, work.Path, TimeSpan.FromMinutes(1), "lint", sql);
        lint.ExitCode.ShouldBe(5, lint.ToString());
        lint.Stdout.ShouldContain("add_column.sql:1:");
        lint.Stdout.ShouldContain("adding-volatile-default");
    }

    [Theory]
    [InlineData("Strata.Core")]
    [InlineData("Strata.AspNetCore")]
    [InlineData("Strata.Cli")]
    [InlineData("Strata.Cli.linux-x64")]
    [InlineData("Strata.Cli.any")]
    public void Package_carries_its_readme_licence_repository_and_symbols(string id)
    {
        var package = Directory.GetFiles(feed.Path, id + ".*.nupkg")
            .Single(p => System.Text.RegularExpressions.Regex.IsMatch(Path.GetFileName(p), "^" + id.Replace(".", "\\.", StringComparison.Ordinal) + @"\.\d+\.\d+\.\d+.*\.nupkg$"));
        using var zip = ZipFile.OpenRead(package);
        zip.GetEntry("README.md").ShouldNotBeNull();
        var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        nuspec.ShouldContain("<license type=\"expression\">MIT</license>");
        nuspec.ShouldContain("<repository type=\"git\" url=\"https://github.com/");
        nuspec.ShouldContain("commit=\"");
        nuspec.ShouldContain("<tags>");
        nuspec.ShouldContain("<description>");
        if (id is "Strata.Core" or "Strata.AspNetCore")
        {
            zip.Entries.ShouldContain(e => e.FullName == $"lib/net10.0/{id}.xml", "the XML docs ship with the library");
            File.Exists(Path.ChangeExtension(package, ".snupkg")).ShouldBeTrue("symbols ship as a .snupkg");
        }
    }

    [Fact]
    public async Task Fallback_tool_package_runs_on_the_shared_runtime()
    {
        using var work = new TempDirectory();
        var package = Directory.GetFiles(feed.Path, "Strata.Cli.any.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        ZipFile.ExtractToDirectory(package, work.Path);
        var dll = Directory.GetFiles(work.Path, "strata.dll", SearchOption.AllDirectories).Single();

        var version = await Shell.RunOkAsync("dotnet", work.Path, TimeSpan.FromMinutes(1), dll, "--version");
        version.Stdout.Trim().ShouldStartWith("0.1.0");
    }
}
