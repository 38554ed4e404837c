using Strata.Cli.Tests.Support;
using Strata.Testing;

namespace Strata.Cli.Tests.Packaging;

/// <summary>
/// The two ways Strata ships: a .NET tool installed from its package, and a self-contained single-file binary.
/// Both are built from the repository and run for real.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class PackagingTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Packed_dotnet_tool_installs_and_runs_as_strata()
    {
        using var work = new TempDirectory();
        var packages = Path.Combine(work.Path, "packages");
        var tools = Path.Combine(work.Path, "tools");

        await Shell.RunOkAsync("dotnet", Repository.Root, BuildTimeout,
            "pack", Repository.PathTo("src", "Strata.Cli", "Strata.Cli.csproj"), "-c", "Release", "-o", packages, "-p:NuGetAudit=false", "--disable-build-servers");
        Directory.GetFiles(packages, "Strata.Cli.*.nupkg").ShouldNotBeEmpty();

        await Shell.RunOkAsync("dotnet", work.Path, BuildTimeout,
            "tool", "install", "Strata.Cli", "--tool-path", tools, "--add-source", packages, "--prerelease");
        var strata = Path.Combine(tools, "strata");
        File.Exists(strata).ShouldBeTrue("the tool's command is named strata");

        var version = await Shell.RunOkAsync(strata, work.Path, TimeSpan.FromMinutes(1), "--version");
        version.Stdout.Trim().ShouldStartWith("0.1.0");
        var help = await Shell.RunOkAsync(strata, work.Path, TimeSpan.FromMinutes(1), "--help");
        help.Stdout.ShouldContain("Usage:");
        help.Stdout.ShouldContain("strata [command] [options]");
    }

    [Fact]
    public async Task Self_contained_single_file_binary_runs_without_the_sdk()
    {
        using var work = new TempDirectory();
        await Shell.RunOkAsync("dotnet", Repository.Root, BuildTimeout,
            "publish", Repository.PathTo("src", "Strata.Cli", "Strata.Cli.csproj"), "-c", "Release", "-r", "linux-x64", "-o", work.Path, "--disable-build-servers");

        var binary = Path.Combine(work.Path, "strata");
        File.Exists(binary).ShouldBeTrue();
        Directory.GetFiles(work.Path, "*.dll").ShouldBeEmpty("a single-file publish carries its assemblies inside the binary");

        var version = await Shell.RunOkAsync(binary, work.Path, TimeSpan.FromMinutes(1), "--version");
        version.Stdout.Trim().ShouldStartWith("0.1.0");
        var help = await Shell.RunOkAsync(binary, work.Path, TimeSpan.FromMinutes(1), "--help");
        help.Stdout.ShouldContain("--database-url");
    }
}
