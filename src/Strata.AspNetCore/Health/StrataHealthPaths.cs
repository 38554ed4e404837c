using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Strata.AspNetCore.Health;

/// <summary>The paths <c>MapStrataHealth</c> mapped: the requests the migration gate lets through.</summary>
internal sealed class StrataHealthPaths
{
    private readonly ConcurrentDictionary<string, bool> _paths = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string path) => _paths[path.TrimEnd('/')] = true;

    public bool Contains(PathString path) => path.Value is { } value && _paths.ContainsKey(value.TrimEnd('/'));
}
