namespace Strata.Architecture.Tests;

public sealed class CoreNamespaceTests
{
    [Fact]
    public void Core_namespaces_depend_on_each_other_without_cycles()
    {
        var graph = CoreLayers.Graph().ToDictionary(
            entry => entry.Key,
            entry => new SortedSet<string>(entry.Value.Where(to => !CoreLayers.ToleratedEdges.Contains((entry.Key, to))), StringComparer.Ordinal));

        var cycles = NamespaceCycles.Find(graph).Select(cycle => string.Join(" <-> ", cycle)).ToList();

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
    public void Every_tolerated_edge_still_exists_so_the_list_shrinks_when_it_is_removed()
    {
        var graph = CoreLayers.Graph();

        foreach (var (from, to) in CoreLayers.ToleratedEdges)
        {
            graph.GetValueOrDefault(from)?.Contains(to).ShouldBe(true, $"{from} no longer uses {to}: remove the edge from the tolerated list");
        }
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
