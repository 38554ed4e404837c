using Npgsql;
using Strata.Core.Configuration;

namespace Strata.Core.Schema;

/// <summary>
/// Removes Strata's history table and its backfill-progress companion (with their columns, keys, indexes and
/// sequences) from a schema.
/// </summary>
internal static class HistoryObjects
{
    /// <summary>The schema of <paramref name="database"/> as its migrations made it: read, then without the history table.</summary>
    public static async Task<SchemaSnapshot> ReadAsync(NpgsqlDataSource database, HistoryTableName history, CancellationToken cancellationToken) =>
        Exclude(await SchemaReader.ReadAsync(database, cancellationToken), history);

    /// <summary><paramref name="snapshot"/> without the history table, and without its schema unless that is <c>public</c>.</summary>
    public static SchemaSnapshot Exclude(SchemaSnapshot snapshot, HistoryTableName history)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(history);
        string[] tables = [QuoteIdent(history.Schema) + "." + QuoteIdent(history.Name), QuoteIdent(history.Schema) + "." + QuoteIdent(history.Name + "_backfill")];
        var schema = QuoteIdent(history.Schema);
        return snapshot.Without(o =>
            (o.Kind == "table" && tables.Contains(o.Name, StringComparer.Ordinal))
            || (o.Kind == "schema" && o.Name == schema && history.Schema != "public")
            || (o.Kind == "sequence" && o.Attributes.TryGetValue("owned by", out var owner) && tables.Any(t => owner.StartsWith(t + ".", StringComparison.Ordinal))));
    }

    // quote_ident's rule, short of its keyword list: history table names are simple identifiers in practice.
    private static string QuoteIdent(string name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? name
            : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
