namespace Strata.Core.Schema;

/// <summary>
/// Which columns a down put back at the end of their table. When a down re-adds a column its up dropped, PostgreSQL
/// appends it, so every column after its old place moves up one: those kept their order and only the re-added one
/// moved. Per table, the columns put back are the fewest last columns without which the rest keep their order.
/// </summary>
internal static class ColumnsPutBackLast
{
    /// <summary>The names of the columns among <paramref name="moved"/> that came back at the end of their table.</summary>
    /// <param name="before">The schema before the up.</param>
    /// <param name="after">The schema after the down.</param>
    /// <param name="moved">The columns whose position differs between the two.</param>
    public static IReadOnlyList<string> Find(SchemaSnapshot before, SchemaSnapshot after, IEnumerable<SchemaDifference> moved)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(moved);
        var tables = moved.Select(d => after.Find(d.Kind, d.Name)?.Parent).OfType<string>().Distinct(StringComparer.Ordinal);
        return [.. tables.SelectMany(table => Last(Order(before, table), Order(after, table))).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Last(List<string> before, List<string> after)
    {
        for (var count = 1; count <= after.Count; count++)
        {
            var tail = after[^count..];
            if (before.Where(c => !tail.Contains(c)).SequenceEqual(after[..^count], StringComparer.Ordinal))
            {
                return tail;
            }
        }

        return after;
    }

    // The table's positioned columns, in position order.
    private static List<string> Order(SchemaSnapshot snapshot, string table) =>
    [
        .. snapshot.Objects
            .Where(o => o.Kind == "column" && o.Parent == table && o.Attributes.ContainsKey("position"))
            .OrderBy(o => int.Parse(o.Attributes["position"], System.Globalization.CultureInfo.InvariantCulture))
            .Select(o => o.Name),
    ];
}
