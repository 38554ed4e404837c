using Npgsql;
using Strata.Core.Configuration;

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
        string[] tables = [QuoteIdent(history.Schema) + "." + QuoteIdent(history.Name), QuoteIdent(history.Schema) + "." + QuoteIdent(history.Name + "_backfill")];
        var withoutTables = snapshot.Without(o =>
            (o.Kind == "table" && tables.Contains(o.Name, StringComparer.Ordinal))
            || (o.Kind == "sequence" && o.Attributes.TryGetValue("owned by", out var owner) && tables.Any(t => owner.StartsWith(t + ".", StringComparison.Ordinal))));
        var schema = QuoteIdent(history.Schema);
        return history.Schema != "public" && HoldsNothing(withoutTables, schema)
            ? withoutTables.Without(o => o.Kind == "schema" && o.Name == schema)
            : withoutTables;
    }

    private static bool HoldsNothing(SchemaSnapshot snapshot, string schema) =>
        snapshot.Find("schema", schema) is { } found
        && !found.Attributes.ContainsKey("comment")
        && !snapshot.Objects.Any(o => o.Kind != "schema"
            && (o.Name.StartsWith(schema + ".", StringComparison.Ordinal) || o.Attributes.GetValueOrDefault("schema") == schema));

    // quote_ident's rule, short of its keyword list: history table names are simple identifiers in practice.
    private static string QuoteIdent(string name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
