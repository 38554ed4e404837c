using System.Reflection;
using System.Xml.Linq;
using Strata.AspNetCore.Health;
using Strata.Core;

namespace Strata.Architecture.Tests;

public sealed class ProjectReferenceTests
{
    [Fact]
    public void Core_references_neither_the_cli_nor_asp_net_core()
    {
        var references = typeof(Migrator).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        references.ShouldNotContain("Strata.Cli");
        references.ShouldNotContain(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_is_not_built_against_the_asp_net_core_framework()
    {
        ProjectFile("src/Strata.Core/Strata.Core.csproj").Descendants("FrameworkReference").ShouldBeEmpty();
    }

    [Fact]
    public void No_library_references_the_cli()
    {
        Assembly[] libraries = [typeof(Migrator).Assembly, typeof(StrataHealth).Assembly];

        foreach (var library in libraries)
        {
            library.GetReferencedAssemblies().Select(name => name.Name).ShouldNotContain("Strata.Cli", library.GetName().Name);
        }
    }

    [Fact]
    public void No_project_under_src_or_examples_references_the_cli_project()
    {
        var root = RepositoryRoot();
        var projects = new[] { "src", "examples" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.EndsWith("Strata.Cli.csproj", StringComparison.Ordinal))
            .ToList();

        projects.ShouldNotBeEmpty();
        foreach (var project in projects)
        {
            var references = XDocument.Load(project).Descendants("ProjectReference").Select(reference => (string?)reference.Attribute("Include") ?? string.Empty);
            references.ShouldNotContain(include => include.Replace('\\', '/').EndsWith("/Strata.Cli.csproj", StringComparison.Ordinal), project);
        }
    }

    private static XDocument ProjectFile(string relative) => XDocument.Load(Path.Combine(RepositoryRoot(), relative));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Strata.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Strata.slnx was not found above " + AppContext.BaseDirectory);
    }
}
