namespace Strata.Architecture.Tests;

/// <summary>Finds the cycles in a directed graph of namespaces (Tarjan's strongly connected components).</summary>
public static class NamespaceCycles
{
    /// <summary>Each group of two or more namespaces that reach each other, as sorted names.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var search = new Search(graph);
        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!search.Index.ContainsKey(node))
            {
                search.Visit(node);
            }
        }

        return search.Cycles;
    }

    private sealed class Search(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        public Dictionary<string, int> Index { get; } = new(StringComparer.Ordinal);

        public List<IReadOnlyList<string>> Cycles { get; } = [];

        private readonly Dictionary<string, int> _low = new(StringComparer.Ordinal);
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = new(StringComparer.Ordinal);

        public void Visit(string node)
        {
            Index[node] = _low[node] = Index.Count;
            _stack.Push(node);
            _onStack.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (!Index.ContainsKey(next))
                {
                    Visit(next);
                    _low[node] = Math.Min(_low[node], _low[next]);
                }
                else if (_onStack.Contains(next))
                {
                    _low[node] = Math.Min(_low[node], Index[next]);
                }
            }

            if (_low[node] == Index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = _stack.Pop();
                    _onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    Cycles.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }
    }
}
