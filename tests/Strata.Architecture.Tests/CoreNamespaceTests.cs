namespace Strata.Architecture.Tests;

public sealed class CoreNamespaceTests
{
    [Fact]
    public void Core_namespaces_depend_on_each_other_without_cycles()
    {
        var cycles = NamespaceCycles.Find(CoreLayers.Graph()).Select(cycle => string.Join(" <-> ", cycle)).ToList();

        cycles.ShouldBeEmpty($"namespaces that depend on each other: {string.Join("; ", cycles)}");
    }

    [Fact]
    public void Cli_namespaces_depend_on_each_other_without_cycles()
    {
        var graph = CoreLayers.Graph(CoreLayers.CliRoot);
        graph.Keys.ShouldBe(["Strata.Cli", "Strata.Cli.Commands", "Strata.Cli.Hosting", "Strata.Cli.Output"], ignoreOrder: true);

        var cycles = NamespaceCycles.Find(graph).Select(cycle => string.Join(" <-> ", cycle)).ToList();

        cycles.ShouldBeEmpty($"namespaces that depend on each other: {string.Join("; ", cycles)}");
    }

    [Fact]
    public void A_cycle_between_two_namespaces_is_found()
    {
        var graph = new Dictionary<string, SortedSet<string>>
        {
            ["A"] = new(["B"]),
            ["B"] = new(["C"]),
            ["C"] = new(["A"]),
            ["D"] = new(["A"]),
        };

        NamespaceCycles.Find(graph).ShouldHaveSingleItem().ShouldBe(["A", "B", "C"]);
    }
}
