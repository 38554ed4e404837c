using System.Collections.Immutable;

namespace Strata.Core.Schema;

/// <summary>
/// The schema of one database at one moment: every user object (outside <c>pg_catalog</c>,
/// <c>information_schema</c> and extensions), ordered by kind and name. Immutable; two snapshots are equal when their
/// objects are, whichever database or server they were read from.
/// </summary>
internal sealed class SchemaSnapshot : IEquatable<SchemaSnapshot>
{
    private readonly Dictionary<(string Kind, string Name), SchemaObject> _byKey;

    /// <summary>Creates a snapshot of <paramref name="objects"/>; they are sorted, and a kind and name may appear once.</summary>
    /// <exception cref="ArgumentException">Two objects share a kind and a name.</exception>
    public SchemaSnapshot(IEnumerable<SchemaObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        Objects = [.. objects.OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)];
        _byKey = new Dictionary<(string, string), SchemaObject>(Objects.Length);
        foreach (var item in Objects)
        {
            if (!_byKey.TryAdd((item.Kind, item.Name), item))
            {
                throw new ArgumentException($"The schema has two objects named {item.DisplayName}.", nameof(objects));
            }
        }
    }

    /// <summary>An empty schema.</summary>
    public static SchemaSnapshot Empty { get; } = new([]);

    /// <summary>The objects, ordered by kind and then name (ordinal).</summary>
    public ImmutableArray<SchemaObject> Objects { get; }

    /// <summary>The object of this kind and name, or null.</summary>
    public SchemaObject? Find(string kind, string name) => _byKey.GetValueOrDefault((kind, name));

    /// <summary>
    /// This schema without the objects <paramref name="exclude"/> selects, and without everything that belongs to them
    /// (a table's columns, constraints, indexes, triggers and policies).
    /// </summary>
    public SchemaSnapshot Without(Func<SchemaObject, bool> exclude)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        var excluded = Objects.Where(exclude).ToList();
        if (excluded.Count == 0)
        {
            return this;
        }

        var parents = excluded.Where(o => o.IsContainer).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        return new SchemaSnapshot(Objects.Where(o => !exclude(o) && (o.Parent is null || !parents.Contains(o.Parent))));
    }

    /// <inheritdoc />
    public bool Equals(SchemaSnapshot? other) => other is not null && Objects.SequenceEqual(other.Objects);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SchemaSnapshot);

    /// <inheritdoc />
    public override int GetHashCode() => Objects.Length;
}
