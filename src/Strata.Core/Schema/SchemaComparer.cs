namespace Strata.Core.Schema;

/// <summary>
/// Compares two schemas object by object, matching objects by kind and name. An object added or removed with its
/// table, view or type is not listed again: the table's own difference says it all. Nor is a partition's copy of a
/// trigger added or removed with the trigger it was cloned from.
/// </summary>
internal static class SchemaComparer
{
    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static SchemaComparison Compare(SchemaSnapshot before, SchemaSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var removedParents = Names(before.Objects.Where(o => after.Find(o.Kind, o.Name) is null));
        var addedParents = Names(after.Objects.Where(o => before.Find(o.Kind, o.Name) is null));
        var differences = new List<SchemaDifference>();
        foreach (var old in before.Objects)
        {
            var current = after.Find(old.Kind, old.Name);
            if (current is null)
            {
                if ((old.Parent is null || !removedParents.Contains(old.Parent)) && !ClonedFromMissing(old, after))
                {
                    differences.Add(new SchemaDifference(old.Kind, old.Name, SchemaChange.Removed, []));
                }
            }
            else if (!old.Equals(current))
            {
                differences.Add(new SchemaDifference(old.Kind, old.Name, SchemaChange.Changed, AttributeDifferences(old, current)));
            }
        }

        foreach (var added in after.Objects.Where(o => before.Find(o.Kind, o.Name) is null))
        {
            if ((added.Parent is null || !addedParents.Contains(added.Parent)) && !ClonedFromMissing(added, before))
            {
                differences.Add(new SchemaDifference(added.Kind, added.Name, SchemaChange.Added, []));
            }
        }

        differences.Sort((x, y) =>
        {
            var byKind = string.CompareOrdinal(x.Kind, y.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(x.Name, y.Name);
        });
        return new SchemaComparison(differences);
    }

    // The names an object's Parent can refer to: those of relations and types, never of a statistics object or an
    // index that happens to share one.
    private static HashSet<string> Names(IEnumerable<SchemaObject> objects) =>
        objects.Where(o => o.IsContainer).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

    // A clone's name follows its origin's, so a clone whose origin the other side lacks came or went with it.
    private static bool ClonedFromMissing(SchemaObject item, SchemaSnapshot other) =>
        item.Attributes.TryGetValue("cloned from", out var origin) && other.Find(item.Kind, origin) is null;

    private static List<AttributeDifference> AttributeDifferences(SchemaObject before, SchemaObject after)
    {
        var names = before.Attributes.Keys.Union(after.Attributes.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var result = new List<AttributeDifference>();
        foreach (var name in names)
        {
            var old = before.Attributes.GetValueOrDefault(name);
            var current = after.Attributes.GetValueOrDefault(name);
            if (old != current)
            {
                result.Add(new AttributeDifference(name, old, current));
            }
        }

        if (before.Parent != after.Parent)
        {
            result.Add(new AttributeDifference("parent", before.Parent, after.Parent));
        }

        return result;
    }
}
