using Npgsql;
using Strata.Core.Configuration;
using Strata.Core.Generators;

namespace Strata.Core.Schema;

/// <summary>
/// Removes Strata's history table and its backfill-progress companion (with their columns, keys, indexes and
/// sequences) from a schema, and the schema that holds them when it holds nothing else.
/// </summary>
internal static class HistoryObjects
{
    /// <summary>The schema of <paramref name="database"/> as its migrations made it: read, then without the history table.</summary>
    public static async Task<SchemaSnapshot> ReadAsync(NpgsqlDataSource database, HistoryTableName history, CancellationToken cancellationToken) =>
        Exclude(await SchemaReader.ReadAsync(database, cancellationToken), history);

    /// <summary>
    /// <paramref name="snapshot"/> without the history table, and without its schema when that schema is what Strata
    /// makes for the history table alone: not <c>public</c>, holding no other object and carrying no comment. A schema
    /// that also holds the application's objects, or that someone commented, is compared like any other.
    /// </summary>
    public static SchemaSnapshot Exclude(SchemaSnapshot snapshot, HistoryTableName history)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(history);
        var schema = SqlIdentifier.Quote(history.Schema);
        var withoutTables = WithoutTables(snapshot, [schema + "." + SqlIdentifier.Quote(history.Name), schema + "." + SqlIdentifier.Quote(history.BackfillName)]);
        return history.Schema != "public" && HoldsNothing(withoutTables, schema)
            ? withoutTables.Without(o => o.Kind == "schema" && o.Name == schema)
            : withoutTables;
    }

    /// <summary>
    /// <paramref name="snapshot"/> without the tables named (schema.name as <c>quote_ident</c> writes them), with all
    /// that belongs to them and the sequences they own.
    /// </summary>
    public static SchemaSnapshot WithoutTables(SchemaSnapshot snapshot, IReadOnlyCollection<string> tables) =>
        snapshot.Without(o =>
            (o.Kind == "table" && tables.Contains(o.Name, StringComparer.Ordinal))
            || (o.Kind == "sequence" && o.Attributes.TryGetValue("owned by", out var owner) && tables.Any(t => owner.StartsWith(t + ".", StringComparison.Ordinal))));

    private static bool HoldsNothing(SchemaSnapshot snapshot, string schema) =>
        snapshot.Find("schema", schema) is { } found
        && !found.Attributes.ContainsKey("comment")
        && !snapshot.Objects.Any(o => o.Kind != "schema"
            && (o.Name.StartsWith(schema + ".", StringComparison.Ordinal) || o.Attributes.GetValueOrDefault("schema") == schema));
}
