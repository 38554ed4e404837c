using ArchUnitNET.Loader;
using Strata.Core;

namespace Strata.Architecture.Tests;

/// <summary>The dependency graphs of Strata.Core's and Strata.Cli's namespaces, read from the compiled assemblies.</summary>
internal static class CoreLayers
{
    public const string Root = "Strata.Core";

    public const string CliRoot = "Strata.Cli";

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded =
        new(() => new ArchLoader().LoadAssemblies(typeof(Migrator).Assembly, System.Reflection.Assembly.Load("strata")).Build());

    /// <summary>Every type of Strata.Core and Strata.Cli.</summary>
    public static IEnumerable<ArchUnitNET.Domain.IType> Types => Loaded.Value.Types;

    /// <summary>Each namespace below <paramref name="root"/> mapped to the other namespaces below it that its types use.</summary>
    public static IReadOnlyDictionary<string, SortedSet<string>> Graph(string root = Root)
    {
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in Loaded.Value.Types)
        {
            var from = Layer(type.Namespace?.FullName, root);
            if (from is null)
            {
                continue;
            }

            var targets = graph.TryGetValue(from, out var existing) ? existing : graph[from] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var dependency in type.Dependencies)
            {
                if (Layer(dependency.Target.Namespace?.FullName, root) is { } to && to != from)
                {
                    targets.Add(to);
                }
            }
        }

        return graph;
    }

    /// <summary>The namespace a type counts towards: the root or its first level below it (nested folders count with their parent).</summary>
    // A compiler-generated type parameter (an inline array's, for a collection expression passed as a span) has none.
    private static string? Layer(string? ns, string root)
    {
        if (ns is null)
        {
            return null;
        }

        if (ns == root)
        {
            return root;
        }

        if (!ns.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return root + "." + (dot < 0 ? rest : rest[..dot]);
    }
}
