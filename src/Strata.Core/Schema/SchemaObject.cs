using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Strata.Core.Schema;

/// <summary>
/// One object of a database schema, identified the way two databases can agree on it: its kind and its qualified
/// name (a function's name includes its argument types). Its attributes are PostgreSQL's own normalised text for
/// each property; an attribute that does not apply or is unset is absent.
/// </summary>
internal sealed class SchemaObject : IEquatable<SchemaObject>
{
    private static readonly FrozenSet<string> ContainerKinds = FrozenSet.Create(
        StringComparer.Ordinal, "table", "foreign table", "view", "materialized view", "sequence", "composite type", "domain", "enum", "range type");

    /// <summary>Creates an object from its kind, name, owning object and attributes.</summary>
    public SchemaObject(string kind, string name, string? parent, ImmutableSortedDictionary<string, string> attributes)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(attributes);
        Kind = kind;
        Name = name;
        Parent = parent;
        Attributes = attributes.WithComparers(StringComparer.Ordinal, StringComparer.Ordinal);
    }

    /// <summary>The kind of object, such as <c>table</c>, <c>column</c>, <c>index</c> or <c>function</c>.</summary>
    public string Kind { get; }

    /// <summary>The qualified, quoted-where-needed name, such as <c>public.orders.total</c> or <c>public.f(integer)</c>.</summary>
    public string Name { get; }

    /// <summary>The name of the table, view or type this object belongs to (a column's table), or null.</summary>
    public string? Parent { get; }

    /// <summary>The object's properties by attribute name.</summary>
    public ImmutableSortedDictionary<string, string> Attributes { get; }

    /// <summary>
    /// Whether this object can be the <see cref="Parent"/> of others: a relation or a type. Their names are unique
    /// among themselves (every relation has a row type), while an object of another kind, such as a statistics
    /// object, may share a table's name without being its parent.
    /// </summary>
    public bool IsContainer => ContainerKinds.Contains(Kind);

    /// <summary>The kind and name, as shown to people: <c>column public.orders.total</c>.</summary>
    public string DisplayName => $"{Kind} {Name}";

    /// <inheritdoc />
    public bool Equals(SchemaObject? other) =>
        other is not null
        && Kind == other.Kind
        && Name == other.Name
        && Parent == other.Parent
        && Attributes.Count == other.Attributes.Count
        && Attributes.All(pair => other.Attributes.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SchemaObject);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Name, Attributes.Count);

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
